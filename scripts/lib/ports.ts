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

// The databases' ports lie below 32768, outside Linux's range for the local ports of outgoing connections
// (32768-60999): at 543xx a busy machine's client socket now and then held the port a test's PostgreSQL was
// about to listen on ("could not bind ... Address already in use"). The offset keeps them below it too.
export const PORTS = {
  devDatabase: port(15329),
  devApp: port(3000),
  testDatabase: port(15330),
  toolingDatabase: port(15331),
  e2eDatabase: port(15332),
  e2eApp: port(3100),
  outageApp: port(3101),
  outageDatabase: port(15337),
  clusterDatabase: port(15338),
  clusterApps: [port(3102), port(3103)],
  deploymentApp: port(3104),
  deploymentDatabase: port(15339),
  devServerApp: port(3105),
  devServerDatabase: port(15340),
  // e2e/reverse-proxy.spec.ts: nginx (deploy/nginx/podium.conf) in front of two npm start instances.
  proxyApps: [port(3106), port(3107)],
  proxyNginx: port(3108),
  proxyRedirect: port(3109),
  proxySmtp: port(2527),
  proxyDatabase: port(15341),
  smtp: port(2525),
  mailHttp: port(2526),
  benchRushDatabase: port(15335),
  benchCheckinDatabase: port(15336),
  benchCheckinApp: port(3211),
  benchAllocateDatabase: port(15339),
  benchBodyDatabase: port(15339),
  benchBodyApp: port(3221),
  // npm run bench:proxy
  benchProxyApps: [port(3231), port(3232)],
  benchProxyNginx: port(3233),
  benchProxyRedirect: port(3234),
  benchProxyStatic: port(3235),
  benchProxyDatabase: port(15342),
  // npm run bench:pages
  benchPagesDatabase: port(15343),
  benchPagesApp: port(3241),
  benchPagesBare: port(3242),
} as const;
