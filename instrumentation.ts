// Runs once when a Next.js server process starts: the place for the mail worker, which must live as long as
// the server does. Not in the Edge runtime (no TCP for SMTP) and not during `next build`, which loads this
// file too but must not start sending.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMailWorker } = await import("@/lib/mail/worker");
  const { renderDrafts } = await import("@/lib/registrations/draft-emails");
  const { queueDueReminders } = await import("@/lib/registrations/reminders");
  const { expireOffers } = await import("@/lib/places/offers");
  const { queueSurveyEmails } = await import("@/lib/feedback/invitations");
  // Certificates of attendance once a conference has ended (lib/certificates), issued once per person across instances.
  const { issueDueCertificates } = await import("@/lib/certificates/mutations");
  // Reminders that have come due are queued first, so the same pass writes and sends them; so are the offers
  // that follow an offer whose claim window ran out, and the certificates. The survey's emails after a conference
  // are written whole when they are claimed (lib/feedback/invitations.ts).
  startMailWorker({ draftWriters: [() => expireOffers(), () => queueDueReminders(), () => issueDueCertificates(), renderDrafts, () => queueSurveyEmails()] });
  // Webhook deliveries (lib/webhooks), with the same loop machinery.
  const { startWebhookWorker } = await import("@/lib/webhooks/worker");
  startWebhookWorker();
  // Retention (lib/retention): an hourly pass that purges what is due, once across all instances.
  const { startRetentionWorker } = await import("@/lib/retention/worker");
  startRetentionWorker();
  // For npm start's own handler of the registration API (lib/registrations/after-sign-up.ts says why).
  const { provideSignUpEffects } = await import("@/lib/registrations/after-sign-up");
  const { signUpEffectsInNext } = await import("@/lib/registrations/after-sign-up-next");
  provideSignUpEffects({ optInToNewsletter: signUpEffectsInNext.optInToNewsletter, kickMailWorker: signUpEffectsInNext.kickMailWorker });
}
