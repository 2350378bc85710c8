import { LocalizedLink as Link } from "@/components/site/localized-link";
import { Photo, type PhotoData } from "@/components/photo";

type Props = {
  speaker: { slug: string; name: string; role: string | null; affiliation: string | null; bio: string; photo: PhotoData | null };
  /** lang="nl" on English pages: bios are written in Dutch. */
  lang?: "nl";
};

// The name links to the speaker's page; the link covers the card, so the whole card is one target.
export function SpeakerCard({ speaker, lang }: Props) {
  return (
    <article className="relative flex gap-4 rounded-xl border border-line bg-white p-4 hover:border-petrol-200">
      {speaker.photo && (
        <Photo photo={speaker.photo} sizes="96px" className="h-24 w-24 shrink-0 rounded-full object-cover" />
      )}
      <div>
        <h3 className="text-lg font-semibold text-petrol-800">
          <Link href={`/sprekers/${speaker.slug}`} className="after:absolute after:inset-0 hover:underline">
            {speaker.name}
          </Link>
        </h3>
        {(speaker.role || speaker.affiliation) && (
          <p lang={lang} className="text-sm text-muted">
            {[speaker.role, speaker.affiliation].filter(Boolean).join(", ")}
          </p>
        )}
        {speaker.bio && (
          <p lang={lang} className="mt-2 line-clamp-4 text-sm">
            {speaker.bio}
          </p>
        )}
      </div>
    </article>
  );
}
