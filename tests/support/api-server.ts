// The /api/v1 route handlers on a real HTTP server on loopback, routed by path as Next routes them: requests
// travel over a socket as a client's would (headers, status, ETag, 304 without a body), and the handlers are
// the app's own modules, unchanged.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type Route = { pattern: RegExp; names: string[]; methods: Record<string, Handler> };

export function route(template: string, methods: Record<string, unknown>): Route {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${template.replace(/\[(\w+)\]/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    })}$`,
  );
  return { pattern, names, methods: methods as Record<string, Handler> };
}

function toRequest(incoming: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", base), {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs this for a streamed body; the DOM types do not know it.
    duplex: "half",
  });
}

export async function startApiServer(routes: Route[]): Promise<{ base: string; close: () => Promise<void> }> {
  let base = "";
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const path = new URL(incoming.url ?? "/", "http://x").pathname;
      for (const r of routes) {
        const match = r.pattern.exec(path);
        if (!match) continue;
        const handler = r.methods[incoming.method ?? "GET"];
        if (!handler) return void outgoing.writeHead(405).end();
        const params = Object.fromEntries(r.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
        const response = await handler(toRequest(incoming, base), { params: Promise.resolve(params) });
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
        return;
      }
      outgoing.writeHead(404).end();
    })().catch((error: unknown) => {
      console.error("[api-server]", error);
      outgoing.writeHead(599).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
