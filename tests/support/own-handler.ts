// One of npm start's own handlers (server/serve.ts answers door scans and registrations before Next) on a
// real HTTP server on loopback. What the production server would leave to Next gets 418 here.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export async function startOwnHandler(
  slugOf: (request: IncomingMessage) => string | null,
  answer: (request: IncomingMessage, response: ServerResponse, slug: string) => Promise<void>,
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const slug = slugOf(request);
    if (slug === null) return void response.writeHead(418).end();
    void answer(request, response, slug);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
