// One POST to a webhook target, through the address check of ./target.ts: the connection goes to the address
// that was checked (the lookup is pinned), a redirect is followed only as 307/308 (which keep the method and
// body) and only after its target passed the same check, and a slow receiver is cut off.
import http from "node:http";
import https from "node:https";
import { resolveTarget } from "./target";

export type PostResult = { ok: true; status: number } | { ok: false; error: string };

const MAX_REDIRECTS = 3;

function once(url: URL, address: string, family: 4 | 6, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; location: string | null }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        // The checked address, whatever the name resolves to now.
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
          else (callback as (e: null, a: string, f: number) => void)(null, address, family);
        },
        timeout: timeoutMs,
      },
      (response) => {
        // The receiver's words are not kept: only its status matters.
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(body);
  });
}

export async function postWebhook(rawUrl: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; allowPrivate: boolean }): Promise<PostResult> {
  let url = rawUrl;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const target = await resolveTarget(url, options.allowPrivate);
    if (!target.ok) return { ok: false, error: target.reason };
    let answer;
    try {
      answer = await once(target.url, target.address, target.family, body, headers, options.timeoutMs);
    } catch (error) {
      return { ok: false, error: error instanceof Error && error.message === "timeout" ? "timeout" : `connection: ${error instanceof Error && "code" in error ? String(error.code) : "failed"}` };
    }
    if ((answer.status === 307 || answer.status === 308) && answer.location) {
      url = new URL(answer.location, target.url).href;
      continue;
    }
    return { ok: true, status: answer.status };
  }
  return { ok: false, error: "tooManyRedirects" };
}
