import { describe, expect, it } from "vitest";
import { renderEmail } from "./layout";

const base = {
  preheader: "Je plek is bevestigd",
  heading: "Welkom, Ada",
  paragraphs: ["Je bent aangemeld voor <Zorg & Welzijn>.", "Tot dan!\nHet team"],
  action: { label: "Bekijk je aanmelding", url: "https://podium.example/aanmelding?token=a&b=c" },
  organiser: null,
};

describe("renderEmail", () => {
  it("writes Dutch for a Dutch recipient and sets the language on the document", () => {
    const { html, text } = renderEmail({ locale: "nl", ...base });
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain("Werkt de knop niet?");
    expect(text).toContain("Je ontvangt deze e-mail van Podium");
  });

  it("writes English for an English recipient", () => {
    const { html, text } = renderEmail({ locale: "en", ...base });
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Button not working?");
    expect(text).toContain("You are receiving this email from Podium");
  });

  it("escapes every interpolated value in the HTML and keeps the text version literal", () => {
    const { html, text } = renderEmail({ locale: "nl", ...base, heading: '<script>alert("x")</script>' });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;Zorg &amp; Welzijn&gt;");
    expect(html).toContain('href="https://podium.example/aanmelding?token=a&amp;b=c"');
    expect(html).toContain("Tot dan!<br>Het team");
    expect(text).toContain("Je bent aangemeld voor <Zorg & Welzijn>.");
    expect(text).toContain("Bekijk je aanmelding:\nhttps://podium.example/aanmelding?token=a&b=c");
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => renderEmail({ locale: "nl", ...base, action: { label: "x", url: "javascript:alert(1)" } })).toThrow(
      /http\(s\)/,
    );
  });

  it("uses a given footer instead of the default one", () => {
    const { html, text } = renderEmail({ locale: "nl", ...base, footer: "Afmelden: https://podium.example/afmelden" });
    expect(text).toContain("-- \nAfmelden: https://podium.example/afmelden");
    expect(html).not.toContain("Je ontvangt deze e-mail van Podium");
  });

  it("shows an attached image by its Content-ID with alt text, in the HTML version only", () => {
    const image = { cid: "ticket-qr", alt: 'QR-code voor ticket "ABC"', width: 240, height: 240 };
    const { html, text } = renderEmail({ locale: "nl", ...base, image });
    expect(html).toContain('<img src="cid:ticket-qr" alt="QR-code voor ticket &quot;ABC&quot;" width="240" height="240"');
    expect(text).not.toContain("cid:");
    expect(() => renderEmail({ locale: "nl", ...base, image: { ...image, cid: 'x" onerror="y' } })).toThrow(/Content-ID/);
  });

  it("names the organising organisation with its contact address, in both versions", () => {
    const organiser = { name: "Werkplaats <Sociaal> Domein", contactEmail: "info@werkplaats.example" };
    const { html, text } = renderEmail({ locale: "nl", ...base, organiser });
    expect(text).toContain("Georganiseerd door Werkplaats <Sociaal> Domein.\nVragen? Mail de organisatie: info@werkplaats.example");
    expect(html).toContain("Georganiseerd door Werkplaats &lt;Sociaal&gt; Domein.");
    expect(html).toContain('<a href="mailto:info@werkplaats.example"');
    expect(renderEmail({ locale: "en", ...base, organiser }).text).toContain("Organised by Werkplaats <Sociaal> Domein.\nQuestions? Email the organisers: info@werkplaats.example");
    // Podium's own emails (a sign-in link) name no organisation.
    expect(renderEmail({ locale: "nl", ...base }).text).not.toContain("Georganiseerd door");
  });
});
