// Two organisations may each have a speaker with the same slug. The public page at /sprekers/<slug> shows the
// one with a session in a published (not cancelled) conference, then the one seen most recently on stage.
type Candidate = {
  sessions: Array<{ session: { startsAt: Date; conference: { status: string } } }>;
  reports: Array<{ report: { publishedAt: Date | null } }>;
};

function latestAppearance(c: Candidate): number {
  const times = [
    ...c.sessions.map((s) => s.session.startsAt.getTime()),
    ...c.reports.map((r) => r.report.publishedAt?.getTime() ?? 0),
  ];
  return times.length > 0 ? Math.max(...times) : 0;
}

function hasPublishedConference(c: Candidate): boolean {
  return c.sessions.some((s) => s.session.conference.status === "PUBLISHED");
}

export function pickPublicSpeaker<T extends Candidate>(candidates: T[]): T | null {
  const sorted = [...candidates].sort(
    (a, b) =>
      Number(hasPublishedConference(b)) - Number(hasPublishedConference(a)) || latestAppearance(b) - latestAppearance(a),
  );
  return sorted[0] ?? null;
}
