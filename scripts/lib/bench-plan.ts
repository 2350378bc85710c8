// What the rush benchmark sends: one plan per conference, the same request bodies for the HTTP and the
// direct half, so both do the same work.
export interface RushPlan {
  slug: string;
  /** Unique per run: makes every email address and Idempotency-Key new. */
  run: string;
  total: number;
  rounds: Array<{ id: string; sessionIds: string[] }>;
}

/** The JSON body of registration `index`: a distinct address and a workshop in every round, spread evenly. */
export function registrationBody(plan: RushPlan, index: number): Record<string, unknown> {
  const workshops: Record<string, string> = {};
  for (const [position, round] of plan.rounds.entries()) {
    const sessionId = round.sessionIds[(index + position * Math.floor(index / round.sessionIds.length)) % round.sessionIds.length];
    if (sessionId) workshops[round.id] = sessionId;
  }
  return {
    name: `Deelnemer ${index}`,
    email: `${plan.run}-${index}@bench.example`,
    organisation: "Benchmark BV",
    workshops,
    privacyConsent: true,
    locale: index % 5 === 0 ? "en" : "nl",
  };
}
