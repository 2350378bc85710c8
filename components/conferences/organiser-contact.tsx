import { getTranslations } from "next-intl/server";

// Who organises a conference and how to reach them: on every page about it, as the privacy statement promises
// ("de organisatie die op de conferentiepagina staat"). An organisation without a contact address yet (one that
// has published nothing since the address became required) is named without one.
export async function OrganiserContact({
  organisation,
  className = "",
}: {
  organisation: { name: string; contactEmail: string | null; website?: string | null };
  className?: string;
}) {
  const t = await getTranslations("conference");
  return (
    <p className={className}>
      {t("organisedBy", { organisation: organisation.name })}
      {organisation.contactEmail && (
        <>
          {" "}
          {t("contact")}{" "}
          <a href={`mailto:${organisation.contactEmail}`} className="font-semibold text-petrol-700 underline [overflow-wrap:anywhere]">
            {organisation.contactEmail}
          </a>
        </>
      )}
    </p>
  );
}
