import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { DeleteForm } from "@/components/editor/delete-form";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { RoomForm } from "@/components/venues/room-form";
import { VenueForm } from "@/components/venues/venue-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { deleteRoomAction, deleteVenueAction } from "@/lib/venues/actions";
import { getVenue } from "@/lib/venues/queries";
import { dashboardMetadata } from "../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/locaties/[venue]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "venues" });
  return dashboardMetadata(locale, t("editTitle"));
}

export default async function VenuePage({ params }: Props) {
  const { locale, organisation: slug, venue: venueId } = (await params) as { locale: Locale; organisation: string; venue: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/locaties/${venueId}`);
  const venue = await getVenue(access.organisation.id, venueId);
  if (!venue) notFound();
  const t = await getTranslations("venues");

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: `/beheer/${slug}/locaties`, label: t("back") }} title={venue.name} intro={t("usedBy", { count: venue._count.conferences })} />
      <EditorMessages>
        <div className="mt-6 grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="gegevens" className="self-start rounded-lg border border-line bg-white p-5">
            <h2 id="gegevens" className="mb-4 text-xl font-semibold text-petrol-800">
              {t("details")}
            </h2>
            <VenueForm
              mode="edit"
              locale={locale}
              venueId={venue.id}
              values={{
                name: venue.name,
                street: venue.street,
                postalCode: venue.postalCode,
                city: venue.city,
                accessibilityNotes: venue.accessibilityNotes ?? "",
                website: venue.website ?? "",
              }}
            />
          </section>
          <div className="space-y-8">
            <section aria-labelledby="zalen" className="rounded-lg border border-line bg-white p-5">
              <h2 id="zalen" className="text-xl font-semibold text-petrol-800">
                {t("rooms")}
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">{t("roomsIntro")}</p>
              {venue.rooms.length === 0 && <p className="mb-4">{t("noRooms")}</p>}
              <ul className="divide-y divide-line">
                {venue.rooms.map((room) => (
                  <li key={room.id} className="py-3">
                    <RoomForm mode="edit" locale={locale} roomId={room.id} values={{ name: room.name, capacity: String(room.capacity) }} />
                    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-muted">
                      <span>{t("roomSessions", { count: room._count.sessions })}</span>
                      {room._count.sessions === 0 && (
                        <DeleteForm action={deleteRoomAction} fields={{ roomId: room.id }} label={t("deleteRoom", { name: room.name })} locale={locale} />
                      )}
                    </div>
                  </li>
                ))}
              </ul>
              <h3 className="mb-2 mt-4 font-semibold text-petrol-800">{t("addRoomTitle")}</h3>
              <RoomForm mode="create" locale={locale} venueId={venue.id} requestKey={randomUUID()} values={{ name: "", capacity: "" }} />
            </section>
            {venue._count.conferences === 0 && (
              <section aria-labelledby="verwijderen" className="rounded-lg border border-line bg-white p-5">
                <h2 id="verwijderen" className="mb-2 text-xl font-semibold text-petrol-800">
                  {t("deleteTitle")}
                </h2>
                <DeleteForm
                  action={deleteVenueAction}
                  fields={{ venueId: venue.id }}
                  label={t("deleteVenue", { name: venue.name })}
                  text={t("deleteText")}
                  locale={locale}
                />
              </section>
            )}
          </div>
        </div>
      </EditorMessages>
    </main>
  );
}
