// The pages /api/uploads/form answers an editor's form with when the browser runs no JavaScript (a route
// handler cannot render the editor itself). Plain HTML in the visitor's language, like lib/unavailable-page.ts.
import "server-only";
import { translatorsFor } from "@/lib/i18n/translator";
import { escapeHtml } from "@/lib/mail/html";
import { MAX_UPLOAD_MEGABYTES } from "./limits";

export type NoScriptLocale = "nl" | "en";
export type NoScriptRefusal = "signedOut" | "forbidden" | "tooLarge" | "failed";

const translators = translatorsFor("editor.upload");

/** An attribute value exactly as posted: line breaks as references, so HTML parsing keeps CR LF as it was. */
function attribute(value: string): string {
  return escapeHtml(value).replace(/\r/g, "&#13;").replace(/\n/g, "&#10;");
}

function page(locale: NoScriptLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Podium</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #fbf8f3;
    color: #1c2b2f; line-height: 1.6; }
  main { max-width: 36rem; margin: 12vh auto; padding: 0 1.5rem; }
  h1 { color: #0b4f5c; font-size: 1.75rem; line-height: 1.25; margin: 0 0 .75rem; }
  a { color: #0b4f5c; }
  button { min-height: 3rem; padding: 0 1.5rem; border: 0; border-radius: .5rem; background: #0b4f5c; color: #fff;
    font: inherit; font-weight: 600; cursor: pointer; }
  .brand { font-weight: 700; letter-spacing: .02em; color: #0b4f5c; margin-bottom: 2rem; }
</style>
</head>
<body>
<main>
<p class="brand">Podium</p>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/**
 * The photos are staged; everything the form posted comes back as hidden fields, each photo as its token, to be
 * posted to the editor's page with one click, where its server action saves the form as if sent from there.
 */
export function receivedPage(locale: NoScriptLocale, returnTo: string, fields: Array<[string, string]>, photos: number): string {
  const t = translators(locale);
  const hidden = fields.map(([name, value]) => `<input type="hidden" name="${attribute(name)}" value="${attribute(value)}">`).join("\n");
  return page(
    locale,
    t("receivedTitle", { count: photos }),
    `<p>${escapeHtml(t("receivedText", { count: photos }))}</p>
<form method="post" action="${attribute(returnTo)}" enctype="multipart/form-data">
${hidden}
<button type="submit">${escapeHtml(t("save"))}</button>
</form>`,
  );
}

export function refusalPage(locale: NoScriptLocale, refusal: NoScriptRefusal): string {
  const t = translators(locale);
  const signIn = locale === "en" ? "/en/inloggen" : "/inloggen";
  const next =
    refusal === "signedOut"
      ? `<p><a href="${signIn}">${escapeHtml(t("signIn"))}</a></p>`
      : `<p>${escapeHtml(t("back"))}</p>`;
  return page(locale, t(`${refusal}Title`), `<p>${escapeHtml(t(`${refusal}Text`, { megabytes: MAX_UPLOAD_MEGABYTES }))}</p>\n${next}`);
}
