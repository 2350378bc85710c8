// Every fixed port of the test, e2e, tooling and benchmark stacks, shifted by PODIUM_PORT_OFFSET.
// Several checkouts of Podium on one machine (git worktrees, a CI clone beside a developer's tree) can then
// run their suites at the same time without taking each other's PostgreSQL, SMTP sink or app port.
const offset = Number(process.env.PODIUM_PORT_OFFSET ?? 0);
if (!Number.isInteger(offset) || offset < 0 || offset > 9000) {
  throw new Error(`PODIUM_PORT_OFFSET must be a whole number from 0 to 9000, not "${process.env.PODIUM_PORT_OFFSET}"`);
}

export function port(base: number): number {
  return base + offset;
}

export const PORTS = {
  devDatabase: port(54329),
  devApp: port(3000),
  testDatabase: port(54330),
  toolingDatabase: port(54331),
  e2eDatabase: port(54332),
  e2eApp: port(3100),
  outageApp: port(3101),
  outageDatabase: port(54337),
  clusterDatabase: port(54338),
  clusterApps: [port(3102), port(3103)],
  deploymentApp: port(3104),
  deploymentDatabase: port(54339),
  devServerApp: port(3105),
  devServerDatabase: port(54340),
  smtp: port(2525),
  mailHttp: port(2526),
  benchRushDatabase: port(54335),
  benchCheckinDatabase: port(54336),
  benchCheckinApp: port(3211),
  benchAllocateDatabase: port(54339),
  benchBodyDatabase: port(54339),
  benchBodyApp: port(3221),
} as const;
