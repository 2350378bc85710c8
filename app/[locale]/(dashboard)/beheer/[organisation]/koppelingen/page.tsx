import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { ApiTokenForm } from "@/components/integrations/api-token-form";
import { RevokeApiTokenForm } from "@/components/integrations/revoke-api-token-form";
import { WebhookButton } from "@/components/integrations/webhook-button";
import { WebhookForm } from "@/components/integrations/webhook-form";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { MANAGE_MEMBERS } from "@/lib/auth/roles";
import { formatShortDate, formatTime } from "@/lib/format";
import { listWebhooks } from "@/lib/webhooks/queries";
import { dashboardMetadata } from "../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/koppelingen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "integrations" });
  return dashboardMetadata(locale, t("title"));
}

// Owners only: a token opens the organisation's registrations to another system. Anyone else gets the 404 page.
export default async function IntegrationsPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, MANAGE_MEMBERS, `/beheer/${slug}/koppelingen`);
  const [tokens, webhooks, t, messages] = await Promise.all([
    listApiTokens(access.organisation.id),
    listWebhooks(access.organisation.id),
    getTranslations("integrations"),
    getMessages(),
  ]);
  const now = new Date();
  const when = (date: Date) => `${formatShortDate(date, locale)} ${formatTime(date, locale)}`;
  const stateOf = (token: (typeof tokens)[number]) =>
    token.revokedAt ? t("tokens.revokedOn", { date: when(token.revokedAt) }) : token.expiresAt && token.expiresAt <= now ? t("tokens.expired") : null;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-muted">{t("intro")}</p>
      <NextIntlClientProvider messages={{ integrations: messages.integrations, dashboard: { errors: messages.dashboard.errors }, validation: messages.validation }}>
        <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section aria-labelledby="sleutels">
            <h2 id="sleutels" className="text-xl font-semibold text-petrol-800">
              {t("tokens.title")}
            </h2>
            {tokens.length === 0 ? (
              <p className="mt-2 text-muted">{t("tokens.empty")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-white">
                {tokens.map((token) => {
                  const state = stateOf(token);
                  return (
                    <li key={token.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                      <div>
                        <p className="font-semibold">
                          {token.name} <span className="font-mono text-sm font-normal text-muted">{token.prefix}…</span>
                        </p>
                        <p className="text-sm text-muted">
                          {t(`tokens.scopes.${token.scope}`)} · {t("tokens.createdOn", { date: formatShortDate(token.createdAt, locale) })}
                          {token.expiresAt && !token.revokedAt && <> · {t("tokens.validUntil", { date: formatShortDate(token.expiresAt, locale) })}</>}
                        </p>
                        <p className="text-sm text-muted">{token.lastUsedAt ? t("tokens.lastUsed", { date: when(token.lastUsedAt) }) : t("tokens.neverUsed")}</p>
                        {state && <p className="text-sm font-semibold text-bad-700">{state}</p>}
                      </div>
                      {!token.revokedAt && <RevokeApiTokenForm tokenId={token.id} name={token.name} />}
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="mt-4 max-w-prose text-sm text-muted">{t("tokens.docs")}</p>
          </section>
          <section aria-labelledby="nieuwe-sleutel" className="rounded-lg border border-line bg-white p-5">
            <h2 id="nieuwe-sleutel" className="text-xl font-semibold text-petrol-800">
              {t("tokens.newTitle")}
            </h2>
            <div className="mt-3">
              <ApiTokenForm organisationId={access.organisation.id} />
            </div>
          </section>
        </div>

        <h2 className="mt-10 text-2xl font-semibold text-petrol-800">{t("webhooks.title")}</h2>
        <p className="mt-2 max-w-prose text-muted">{t("webhooks.intro")}</p>
        <div className="mt-4 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="space-y-6">
            {webhooks.length === 0 && <p className="text-muted">{t("webhooks.empty")}</p>}
            {webhooks.map((hook) => (
              <section key={hook.id} aria-label={hook.url} className="rounded-lg border border-line bg-white p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="break-all font-mono text-sm font-semibold">{hook.url}</p>
                    <p className="text-sm text-muted">{hook.events.join(", ")}</p>
                    <p className={`text-sm font-semibold ${hook.enabled ? "text-ok-700" : "text-bad-700"}`}>
                      {hook.enabled ? t("webhooks.enabled") : t(`webhooks.disabled.${hook.disabledReason === "gone" ? "gone" : "failing"}`)}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    {!hook.enabled && <WebhookButton action="enable" field="webhookId" id={hook.id} label={t("webhooks.enable")} />}
                    <WebhookButton action="delete" field="webhookId" id={hook.id} label={t("webhooks.delete")} ariaLabel={t("webhooks.deleteLabel", { url: hook.url })} />
                  </div>
                </div>
                <h3 className="mt-4 font-semibold">{t("webhooks.deliveries")}</h3>
                {hook.deliveries.length === 0 ? (
                  <p className="text-sm text-muted">{t("webhooks.noDeliveries")}</p>
                ) : (
                  <div role="region" aria-label={t("webhooks.deliveries")} tabIndex={0} className="mt-2 overflow-x-auto">
                    <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
                      <thead>
                        <tr className="border-b-2 border-petrol-200 text-muted">
                          <th scope="col" className="px-2 py-1 font-semibold">{t("webhooks.columns.event")}</th>
                          <th scope="col" className="px-2 py-1 font-semibold">{t("webhooks.columns.status")}</th>
                          <th scope="col" className="px-2 py-1 font-semibold">{t("webhooks.columns.code")}</th>
                          <th scope="col" className="px-2 py-1 font-semibold">{t("webhooks.columns.when")}</th>
                          <th scope="col" className="px-2 py-1 font-semibold">{t("webhooks.columns.action")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {hook.deliveries.map((delivery) => (
                          <tr key={delivery.id} className="border-b border-line align-top last:border-b-0">
                            <td className="px-2 py-1">
                              <code>{delivery.event.type}</code>
                              <br />
                              <code className="text-muted">{delivery.event.id}</code>
                            </td>
                            <td className="px-2 py-1">{t(`webhooks.status.${delivery.status}`, { attempts: delivery.attempts })}</td>
                            <td className="px-2 py-1 tabular-nums">{delivery.lastStatusCode ?? delivery.lastError ?? "–"}</td>
                            <td className="px-2 py-1 tabular-nums">{when(delivery.lastAttemptAt ?? delivery.createdAt)}</td>
                            <td className="px-2 py-1">
                              {delivery.status !== "PENDING" && (
                                <WebhookButton
                                  action="resend"
                                  field="deliveryId"
                                  id={delivery.id}
                                  label={t("webhooks.resend")}
                                  ariaLabel={t("webhooks.resendLabel", { event: delivery.event.id })}
                                  done={t("webhooks.resent")}
                                />
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            ))}
          </div>
          <section aria-labelledby="nieuwe-webhook" className="rounded-lg border border-line bg-white p-5">
            <h2 id="nieuwe-webhook" className="text-xl font-semibold text-petrol-800">
              {t("webhooks.newTitle")}
            </h2>
            <div className="mt-3">
              <WebhookForm organisationId={access.organisation.id} />
            </div>
          </section>
        </div>
      </NextIntlClientProvider>
    </main>
  );
}
