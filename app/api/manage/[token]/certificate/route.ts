// The attendee's certificate as a PDF (issue 15), opened by their manage token like the rest of the manage page.
// Drawn fresh from lib/attendance each time, so a correction by the organiser shows; what the verification page
// shows follows it.
import { certificateContent } from "@/lib/certificates/queries";
import { refreshCertificateSnapshot } from "@/lib/certificates/mutations";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { registrationOfToken } from "@/lib/registrations/manage-links";

export async function GET(request: Request, { params }: RouteContext<"/api/manage/[token]/certificate">) {
  const { token } = await params;
  const found = await registrationOfToken(token);
  const asked = new URL(request.url).searchParams.get("taal");
  const content = found ? await certificateContent(found.id, asked === "en" || asked === "nl" ? asked : undefined) : null;
  if (!content) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  await refreshCertificateSnapshot(content.certificateId, { holderName: content.holderName, minutes: content.minutes });
  const pdf = await renderCertificatePdf(content);
  const filename = content.locale === "en" ? "certificate.pdf" : "certificaat.pdf";
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
