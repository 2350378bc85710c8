import { getTranslations } from "next-intl/server";
import { Photo, type PhotoData } from "@/components/photo";
import { contentLang } from "@/lib/site/content-lang";
import { mediaPath } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type GalleryPhoto = PhotoData & { id: string; caption: string | null; credit: string | null };

// Thumbnails that open the full photo: a plain link, so it works without JavaScript and costs none.
export async function ReportGallery({ photos, locale }: { photos: GalleryPhoto[]; locale: Locale }) {
  if (photos.length === 0) return null;
  const t = await getTranslations("report");
  const lang = contentLang(locale);
  return (
    <section aria-labelledby="gallery" className="mt-12">
      <h2 id="gallery" className="text-2xl font-semibold text-petrol-800">
        {t("gallery")}
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        {photos.map((photo) => (
          <li key={photo.id} className="print:break-inside-avoid">
            <figure>
              <a href={mediaPath(photo.file)} className="group block rounded-lg">
                <Photo
                  photo={photo}
                  sizes="(min-width: 768px) 360px, (min-width: 640px) 50vw, 100vw"
                  className="h-auto w-full rounded-lg transition-opacity group-hover:opacity-90"
                />
                <span className="sr-only"> ({t("openLarger")})</span>
              </a>
              {(photo.caption || photo.credit) && (
                <figcaption lang={lang} className="mt-1 text-sm text-muted">
                  {photo.caption}
                  {photo.caption && photo.credit && " "}
                  {photo.credit && <span className="whitespace-nowrap">({photo.credit})</span>}
                </figcaption>
              )}
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
