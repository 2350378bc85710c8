"use client";
// The conference's cover, chosen by looking at the photos rather than by reading their alt texts (issue 14, item
// 11): one radio button per photo, each a thumbnail with its caption, in a grid that scrolls when the organisation
// has many. Radio buttons, so it works without JavaScript and with the arrow keys.
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Photo } from "@/components/photo";

export type CoverPhoto = { id: string; file: string; width: number; height: number; altText: string; caption: string | null };

const card =
  "flex h-full cursor-pointer flex-col gap-2 rounded-lg border-2 border-line bg-white p-2 has-[:checked]:border-petrol-700 has-[:checked]:bg-petrol-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent-600";

export function CoverPicker({
  photos,
  selected,
  register,
  error,
  optionalLabel,
}: {
  photos: CoverPhoto[];
  /** The chosen photo's id, "" for none (what the form was shown with). */
  selected: string;
  register: UseFormRegisterReturn;
  error?: string;
  optionalLabel: string;
}) {
  const t = useTranslations("conferenceEditor.form");
  return (
    <fieldset aria-describedby={error ? "conference-coverPhotoId-error" : "conference-coverPhotoId-hint"} className="space-y-2">
      <legend className="font-semibold">
        {t("cover")} <span className="font-normal text-muted">({optionalLabel})</span>
      </legend>
      <p id="conference-coverPhotoId-hint" className="text-sm text-muted">
        {photos.length === 0 ? t("coverNoPhotos") : t("coverHint")}
      </p>
      {error && (
        <p id="conference-coverPhotoId-error" className="flex items-start gap-1 text-sm font-semibold text-bad-700">
          <span aria-hidden>⚠</span> {error}
        </p>
      )}
      <ul className="grid max-h-[26rem] grid-cols-2 gap-3 overflow-y-auto p-1 sm:grid-cols-3">
        <li>
          <label className={card}>
            <span className="flex aspect-video items-center justify-center rounded bg-paper text-sm text-muted" aria-hidden>
              —
            </span>
            <span className="flex items-start gap-2 text-sm">
              <input type="radio" value="" defaultChecked={selected === ""} className="mt-0.5 size-5 shrink-0 accent-petrol-800" {...register} />
              {t("coverNone")}
            </span>
          </label>
        </li>
        {photos.map((photo) => (
          <li key={photo.id}>
            <label className={card}>
              <span className="block aspect-video overflow-hidden rounded bg-paper">
                {/* The text beside it names the photo; the picture adds its alt text only when that is not the text. */}
                <Photo photo={{ ...photo, altText: photo.caption ? photo.altText : "" }} sizes="(min-width: 640px) 200px, 45vw" className="h-full w-full object-cover" />
              </span>
              <span className="flex items-start gap-2 text-sm">
                <input type="radio" value={photo.id} defaultChecked={selected === photo.id} className="mt-0.5 size-5 shrink-0 accent-petrol-800" {...register} />
                <span className="line-clamp-2">{photo.caption ?? photo.altText}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
