"use client";
// Who speaks in a session: one searchable list of the organisation's speakers, any number of them, each with the
// part they play (issue 14, item 10; it replaced four fixed dropdowns). Typing filters by name or organisation
// (accents and case do not matter); arrow keys and Enter, or a tap, add a speaker. The ARIA 1.2 combobox pattern.
//
// Without JavaScript the same fields are posted from a plain list: a checkbox and a part per speaker. The
// picker posts "speaker.<id>" (its position) and "part.<id>" for each chosen speaker (lib/programme/schema.ts).
import { useId, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { searchKey } from "@/lib/text";
import { SPEAKER_PARTS, type SpeakerPart } from "@/lib/programme/schema";

export type PickerSpeaker = { id: string; name: string; affiliation: string | null };
export type Chosen = { speakerId: string; part: SpeakerPart };

const MAX_OPTIONS = 8;
const selectClass = "min-h-11 rounded-md border border-muted bg-white px-2 text-base text-ink";

const noSubscription = () => () => {};

function label(speaker: PickerSpeaker): string {
  return speaker.affiliation ? `${speaker.name} (${speaker.affiliation})` : speaker.name;
}

export function SpeakerPicker({
  idPrefix,
  speakers,
  chosen,
  onChange,
  errorOf,
}: {
  idPrefix: string;
  speakers: PickerSpeaker[];
  chosen: Chosen[];
  onChange: (chosen: Chosen[]) => void;
  /** The message for "speaker.<id>" (a speaker busy elsewhere, or unknown), from the server. */
  errorOf: (name: string) => string | undefined;
}) {
  const t = useTranslations("conferenceEditor.programme.speakerPicker");
  const tParts = useTranslations("conferenceEditor.programme.parts");
  // The plain list on the server and while hydrating (what a browser without JavaScript keeps); the picker after.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const byId = useMemo(() => new Map(speakers.map((speaker) => [speaker.id, speaker])), [speakers]);

  if (!enhanced) {
    const positions = new Map(chosen.map((c, index) => [c.speakerId, { position: index + 1, part: c.part }]));
    return (
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("legend")}</legend>
        <p className="text-sm text-muted">{speakers.length === 0 ? t("noSpeakers") : t("hintPlain")}</p>
        <ul className="divide-y divide-line rounded-md border border-line">
          {speakers.map((speaker) => {
            const saved = positions.get(speaker.id);
            const error = errorOf(`speaker.${speaker.id}`);
            return (
              <li key={speaker.id} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <label className="flex min-h-11 flex-1 items-center gap-3">
                  <input type="checkbox" name={`speaker.${speaker.id}`} value={saved ? String(saved.position) : "on"} defaultChecked={Boolean(saved)} className="size-5 shrink-0 accent-petrol-800" />
                  {label(speaker)}
                </label>
                <select name={`part.${speaker.id}`} defaultValue={saved?.part ?? "SPEAKER"} aria-label={t("partOf", { name: speaker.name })} className={selectClass}>
                  {SPEAKER_PARTS.map((part) => (
                    <option key={part} value={part}>
                      {tParts(part)}
                    </option>
                  ))}
                </select>
                {error && <p className="w-full text-sm font-semibold text-bad-700">⚠ {error}</p>}
              </li>
            );
          })}
        </ul>
      </fieldset>
    );
  }

  return <Combobox idPrefix={idPrefix} speakers={speakers} byId={byId} chosen={chosen} onChange={onChange} errorOf={errorOf} />;
}

function Combobox({
  idPrefix,
  speakers,
  byId,
  chosen,
  onChange,
  errorOf,
}: {
  idPrefix: string;
  speakers: PickerSpeaker[];
  byId: Map<string, PickerSpeaker>;
  chosen: Chosen[];
  onChange: (chosen: Chosen[]) => void;
  errorOf: (name: string) => string | undefined;
}) {
  const t = useTranslations("conferenceEditor.programme.speakerPicker");
  const tParts = useTranslations("conferenceEditor.programme.parts");
  const listId = useId();
  const inputId = `${idPrefix}-speaker-search`;
  const [term, setTerm] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");

  const taken = new Set(chosen.map((c) => c.speakerId));
  const key = searchKey(term);
  const options = speakers.filter((speaker) => !taken.has(speaker.id) && (!key || searchKey(speaker.name, speaker.affiliation).includes(key))).slice(0, MAX_OPTIONS);
  const shown = open && options.length > 0;
  const noMatch = open && options.length === 0 && key !== "";
  const activeOption = shown ? options[Math.min(active, options.length - 1)] : undefined;

  const add = (speaker: PickerSpeaker) => {
    onChange([...chosen, { speakerId: speaker.id, part: "SPEAKER" }]);
    setTerm("");
    setActive(0);
    // Closed again: an open list would cover the fields and the button below it.
    setOpen(false);
    setAnnouncement(t("added", { name: speaker.name }));
  };
  const remove = (speakerId: string) => {
    onChange(chosen.filter((c) => c.speakerId !== speakerId));
    setAnnouncement(t("removed", { name: byId.get(speakerId)?.name ?? "" }));
    document.getElementById(inputId)?.focus();
  };
  const setPart = (speakerId: string, part: SpeakerPart) => onChange(chosen.map((c) => (c.speakerId === speakerId ? { ...c, part } : c)));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      // Enter picks the speaker; it never sends the form from here.
      event.preventDefault();
      if (activeOption) add(activeOption);
    } else if (event.key === "Escape") {
      if (open) event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">{t("legend")}</legend>
      {chosen.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <ol className="space-y-2">
          {chosen.map((c) => {
            const speaker = byId.get(c.speakerId);
            const name = speaker?.name ?? c.speakerId;
            const error = errorOf(`speaker.${c.speakerId}`);
            const partId = `${idPrefix}-part-${c.speakerId}`;
            return (
              <li key={c.speakerId} className={`rounded-md border bg-white p-2 ${error ? "border-2 border-bad-700" : "border-line"}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name={`speaker.${c.speakerId}`} value={String(chosen.indexOf(c) + 1)} />
                  <span className="min-w-[12rem] flex-1 font-semibold">
                    {name}
                    {speaker?.affiliation && <span className="block text-sm font-normal text-muted">{speaker.affiliation}</span>}
                  </span>
                  <label htmlFor={partId} className="sr-only">
                    {t("partOf", { name })}
                  </label>
                  <select id={partId} name={`part.${c.speakerId}`} value={c.part} onChange={(event) => setPart(c.speakerId, event.target.value as SpeakerPart)} className={selectClass}>
                    {SPEAKER_PARTS.map((part) => (
                      <option key={part} value={part}>
                        {tParts(part)}
                      </option>
                    ))}
                  </select>
                  <button type="button" onClick={() => remove(c.speakerId)} aria-label={t("removeOf", { name })} className="min-h-11 rounded-md border border-bad-700 px-3 text-sm font-semibold text-bad-700 hover:bg-bad-50">
                    {t("remove")}
                  </button>
                </div>
                {error && (
                  <p className="mt-1 flex items-start gap-1 text-sm font-semibold text-bad-700">
                    <span aria-hidden>⚠</span> {error}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="relative">
        <label htmlFor={inputId} className="block text-sm font-semibold">
          {t("add")}
        </label>
        <p id={`${inputId}-hint`} className="text-sm text-muted">
          {speakers.length === 0 ? t("noSpeakers") : t("hint")}
        </p>
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
          aria-describedby={`${inputId}-hint`}
          value={term}
          onChange={(event) => {
            setTerm(event.target.value);
            setActive(0);
            // The list opens on typing (or the down arrow), not on focus, so it never covers what follows unasked.
            setOpen(event.target.value.trim() !== "");
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={inputClass}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t("options")}
          hidden={!shown}
          className="absolute left-0 right-0 z-20 mt-1 max-h-80 overflow-y-auto rounded-md border border-muted bg-white shadow-lg"
        >
          {options.map((speaker) => (
            <li
              key={speaker.id}
              id={`${listId}-${speaker.id}`}
              role="option"
              aria-selected={speaker.id === activeOption?.id}
              // Keeps the focus in the search box: the next name can be typed at once.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(speaker)}
              className="flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1 aria-selected:bg-petrol-50 aria-selected:outline aria-selected:outline-2 aria-selected:-outline-offset-2 aria-selected:outline-petrol-700"
            >
              <span className="font-semibold">{speaker.name}</span>
              {speaker.affiliation && <span className="text-sm text-muted">{speaker.affiliation}</span>}
            </li>
          ))}
        </ul>
        {noMatch && <p className="mt-1 rounded-md border border-line bg-white px-3 py-2 text-muted">{t("noMatch")}</p>}
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </div>
    </fieldset>
  );
}
