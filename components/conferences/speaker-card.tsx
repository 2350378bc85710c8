import { Photo, type PhotoData } from "@/components/photo";

type Props = {
  speaker: { name: string; role: string | null; affiliation: string | null; bio: string; photo: PhotoData | null };
};

export function SpeakerCard({ speaker }: Props) {
  return (
    <article className="flex gap-4 rounded-xl border border-line bg-white p-4">
      {speaker.photo && (
        <Photo photo={speaker.photo} sizes="96px" className="h-24 w-24 shrink-0 rounded-full object-cover" />
      )}
      <div>
        <h3 className="text-lg font-semibold text-petrol-800">{speaker.name}</h3>
        {(speaker.role || speaker.affiliation) && (
          <p className="text-sm text-muted">{[speaker.role, speaker.affiliation].filter(Boolean).join(", ")}</p>
        )}
        {speaker.bio && <p className="mt-2 text-sm">{speaker.bio}</p>}
      </div>
    </article>
  );
}
