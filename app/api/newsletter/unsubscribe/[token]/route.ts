// One-click unsubscribe (RFC 8058). Mail clients POST "List-Unsubscribe=One-Click" to the URL in the
// List-Unsubscribe header, without cookies and without showing a page; the answer is the same whether or
// not the token was known. A GET (someone opening the header's URL in a browser) only leads to the page
// with the button: links are opened by scanners, so a GET must never unsubscribe.
import { unsubscribe } from "@/lib/newsletter/mutations";
import { translatorsFor } from "@/lib/i18n/translator";
import { unsubscribePageUrl } from "@/lib/newsletter/urls";

const newsletterTranslator = translatorsFor("newsletter");

type Context = RouteContext<"/api/newsletter/unsubscribe/[token]">;

export async function POST(_request: Request, { params }: Context) {
  const { token } = await params;
  await unsubscribe(token);
  return new Response(newsletterTranslator("nl")("unsubscribe.oneClickDone"), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  return new Response(null, { status: 303, headers: { Location: unsubscribePageUrl("nl", token), "Cache-Control": "no-store" } });
}
