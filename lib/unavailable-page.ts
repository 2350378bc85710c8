// The page shown when the database cannot be reached. Plain HTML without the database, the app shell or
// JavaScript, in both languages, and it tries again by itself. Styled by attributes: the pages' policy
// allows no <style> element (lib/security-headers.js), and this page has no stylesheet of its own.
export function unavailablePage(): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15">
<title>Even niet beschikbaar · Temporarily unavailable · Podium</title>
</head>
<body style="margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#fbf8f3;color:#1c2b2f;line-height:1.6">
<main style="max-width:36rem;margin:12vh auto;padding:0 1.5rem">
  <p style="font-weight:700;letter-spacing:.02em;color:#0b4f5c;margin-bottom:2rem">Podium</p>
  <h1 style="color:#0b4f5c;font-size:1.75rem;line-height:1.25;margin:0 0 .75rem">Podium is even niet bereikbaar</h1>
  <p>We kunnen op dit moment geen gegevens ophalen. Er gaat niets verloren: probeer het over een minuut opnieuw.
  Deze pagina ververst zichzelf.</p>
  <p><a href="" style="color:#0b4f5c">Opnieuw proberen</a></p>
  <section lang="en">
    <h2 style="color:#0b4f5c;font-size:1.25rem;margin:2rem 0 .5rem">Podium is temporarily unavailable</h2>
    <p>We cannot load data right now. Nothing is lost: please try again in a minute. This page refreshes itself.</p>
    <p><a href="" style="color:#0b4f5c">Try again</a></p>
  </section>
</main>
</body>
</html>`;
}
