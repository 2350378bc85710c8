// A webhook receiver on loopback, as an organisation's own system would be: it checks every delivery's
// signature with the hook's secret, answers as the test tells it (a status, or no answer in time), and keeps
// what it saw.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@/lib/webhooks/sign";

export type Reply = number | "hang";

export interface Received {
  eventId: string;
  type: string;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  signatureValid: boolean;
  answered: Reply;
  path: string;
}

export async function startReceiver(secret: () => string) {
  const received: Received[] = [];
  const replies: Reply[] = [];
  let fallback: Reply = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const reply = replies.shift() ?? fallback;
      const path = request.url ?? "/";
      if (path.startsWith("/redirect-")) {
        response.writeHead(Number(path.slice("/redirect-".length, "/redirect-".length + 3)), { location: decodeURIComponent(path.slice("/redirect-xxx/".length)) }).end();
        return;
      }
      received.push({
        eventId: String(request.headers["podium-event-id"]),
        type: String(request.headers["podium-event-type"]),
        body: JSON.parse(text) as Received["body"],
        signatureValid: verifySignature(secret(), text, String(request.headers["podium-signature"] ?? "")),
        answered: reply,
        path,
      });
      // A receiver that never answers: the sender must give up on its own.
      if (reply === "hang") return;
      response.writeHead(reply).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/podium`,
    base,
    received,
    /** The next answers, in order; after them `then` (default 200). */
    answer(next: Reply[], then: Reply = 200) {
      replies.push(...next);
      fallback = then;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
