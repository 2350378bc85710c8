"use client";

import { startTransition, useActionState, useRef, useState, useSyncExternalStore } from "react";
import { useForm, useWatch, type FieldErrors as FormErrors, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton, secondaryButton, selectClass } from "@/components/dashboard/styles";
import { useNoScriptUpload } from "@/components/editor/no-script-upload";
import { stagePhotos } from "@/components/editor/stage-photos";
import { Photo } from "@/components/photo";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { saveReportAction } from "@/lib/reports/actions";
import { GALLERY_SLOTS, MAX_LINKS, MAX_QUOTES, reportSchema, type ReportIntent } from "@/lib/reports/schema";
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_MEGABYTES } from "@/lib/uploads/limits";
import { ReportPreview } from "./report-preview";
import type { EditorOptions, EditorReport } from "./types";

type Values = {
  reportId: string;
  organisationId: string;
  intent: ReportIntent;
  title: string;
  slug: string;
  lead: string;
  body: string;
  authorName: string;
  conferenceId: string;
  publishAt: string;
  speakers: Record<string, boolean>;
  dossiers: Record<string, boolean>;
  quotes: Array<{ text: string; attribution: string }>;
  links: Array<{ label: string; url: string }>;
  cover?: FileList;
  hasCover: string;
  removeCover: boolean;
  coverAlt: string;
  coverCaption: string;
  galleryPhotos: Array<{ file?: FileList; alt: string; caption: string }>;
  removePhotos: Record<string, boolean>;
};

type Props = { report: EditorReport; options: EditorOptions; organisationId: string; locale: "nl" | "en" };

const textareaClass = `${inputClass} leading-relaxed`;

const noSubscription = () => () => {};

/** Spare empty rows after the filled ones, so a quote or link can be added without JavaScript. */
function withSpare<T>(rows: T[], empty: T, max: number, spare = 2): T[] {
  return [...rows, ...Array.from({ length: Math.max(0, Math.min(spare, max - rows.length)) }, () => empty)];
}

/** defaults["quotes.1.text"] for a dotted name. */
function valueAt(values: Values, path: string): string {
  let node: unknown = values;
  for (const segment of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[segment];
  return typeof node === "string" ? node : "";
}

/** The values the form starts with: after a refused post without JavaScript, what was posted. */
function initialValues(report: EditorReport, options: EditorOptions, organisationId: string, posted: Record<string, string> | undefined): Values {
  const pick = (name: string, fallback: string) => (posted ? (posted[name] ?? "") : fallback);
  const ticked = (group: string, ids: string[], all: Array<{ id: string }>) =>
    Object.fromEntries(all.map(({ id }) => [id, posted ? posted[`${group}.${id}`] === "on" : ids.includes(id)]));
  const rows = <K extends string>(group: string, keys: readonly K[], saved: Array<Record<K, string>>, max: number) => {
    const empty = Object.fromEntries(keys.map((k) => [k, ""])) as Record<K, string>;
    if (!posted) return withSpare(saved, empty, max);
    return Array.from({ length: max }, (_, index) => Object.fromEntries(keys.map((k) => [k, posted[`${group}.${index}.${k}`] ?? ""])) as Record<K, string>)
      .filter((row, index) => index < saved.length + 2 || keys.some((k) => row[k]));
  };
  return {
    reportId: report.id,
    organisationId,
    intent: "save",
    title: pick("title", report.title),
    slug: pick("slug", report.isNew ? "" : report.slug),
    lead: pick("lead", report.lead),
    body: pick("body", report.body),
    authorName: pick("authorName", report.authorName),
    conferenceId: pick("conferenceId", report.conferenceId),
    publishAt: pick("publishAt", report.publishAt),
    quotes: rows("quotes", ["text", "attribution"] as const, report.quotes, MAX_QUOTES),
    links: rows("links", ["label", "url"] as const, report.links, MAX_LINKS),
    hasCover: report.cover ? "1" : "",
    removeCover: posted ? posted.removeCover === "on" : false,
    coverAlt: pick("coverAlt", report.cover?.altText ?? ""),
    coverCaption: pick("coverCaption", report.cover?.caption ?? ""),
    galleryPhotos: Array.from({ length: GALLERY_SLOTS }, (_, index) => ({
      alt: pick(`galleryPhotos.${index}.alt`, ""),
      caption: pick(`galleryPhotos.${index}.caption`, ""),
    })),
    removePhotos: ticked("removePhotos", [], report.gallery),
    speakers: ticked("speakers", report.speakerIds, options.speakers),
    dossiers: ticked("dossiers", report.dossierIds, options.dossiers),
  };
}

// The whole editor in one form: it works without JavaScript (posted, checked on the server, shown again with
// what was typed; the photos go through /api/uploads/form first), and with JavaScript it checks as you go,
// shows a live preview beside it, and sends picked photos ahead of the form (components/editor/stage-photos.ts).
export function ReportEditor({ report, options, organisationId, locale }: Props) {
  const t = useTranslations("reportEditor");
  const tv = useTranslations("validation");
  const [outcome, formAction, acting] = useActionState(saveReportAction, null);
  const [uploading, setUploading] = useState(false);
  const pending = acting || uploading;
  const noScript = useNoScriptUpload(locale);
  const formRef = useRef<HTMLFormElement>(null);
  const posted = outcome && !outcome.ok ? outcome.values : undefined;
  const defaults = initialValues(report, options, organisationId, posted);

  const form = useForm<Values>({
    resolver: zodResolver(reportSchema as never) as unknown as Resolver<Values>,
    mode: "onTouched",
    defaultValues: defaults,
  });
  const watched = useWatch({ control: form.control });
  // The plain form on the server and while hydrating (what a browser without JavaScript keeps); then enhanced.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = (submitter?.value ?? "save") as ReportIntent;
    form.setValue("intent", intent);
    void form.handleSubmit(async () => {
      if (!formRef.current || pending) return;
      const data = new FormData(formRef.current, submitter);
      setUploading(true);
      const staged = await stagePhotos(formRef.current, data).finally(() => setUploading(false));
      if (!staged.ok) return form.setError(staged.field as "cover", { message: staged.reason });
      startTransition(() => formAction(data));
    })(event);
  };

  const serverErrors = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors : {};
  const errors = form.formState.errors as FormErrors<Values> & Record<string, { message?: string } | undefined>;
  /** A field's message: react-hook-form's (nested paths too), else the server's (by first path segment). */
  const errorOf = (path: string): string | undefined => {
    const segments = path.split(".");
    let node: unknown = errors;
    for (const segment of segments) node = (node as Record<string, unknown> | undefined)?.[segment];
    const key = (node as { message?: string } | undefined)?.message ?? (segments.length === 1 ? serverErrors[path] : undefined);
    if (!key) return undefined;
    return tv.has(key) ? tv(key as "invalid") : t(`validation.${key}` as "validation.titleRequired");
  };
  /** The server names a list's first problem by the list ("links"): shown above its rows without JavaScript. */
  const groupError = (group: "quotes" | "links") => (serverErrors[group] ? errorOf(group) : undefined);
  const refused = (() => {
    if (!outcome || outcome.ok) return null;
    if (outcome.reason.startsWith("upload")) return tv(outcome.reason as "uploadTooLarge");
    const minutes = Math.ceil(("retryAfterSeconds" in outcome ? (outcome.retryAfterSeconds ?? 60) : 60) / 60);
    return t(`errors.${outcome.reason}` as "errors.invalid", { minutes });
  })();

  const text = (name: string, label: string, opts: { hint?: string; optional?: boolean; rows?: number; type?: string } = {}) => {
    const id = `report-${name}`;
    const error = errorOf(name);
    const props = {
      id,
      // Without JavaScript react-hook-form never runs: the HTML itself must carry the value.
      defaultValue: valueAt(defaults, name),
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(id, opts.hint, error),
      ...form.register(name as "title"),
    };
    return (
      <Field id={id} label={label} hint={opts.hint} error={error} optionalLabel={opts.optional ? t("optional") : undefined}>
        {opts.rows ? (
          <textarea rows={opts.rows} className={textareaClass} {...props} />
        ) : (
          <input type={opts.type ?? "text"} className={inputClass} {...props} />
        )}
      </Field>
    );
  };

  const coverFiles = watched.cover;
  const pickedCover = coverFiles && coverFiles.length > 0 ? (coverFiles.item(0) ?? null) : null;
  const statusLine =
    report.status === "PUBLISHED"
      ? t("status.published", { date: report.publishedLabel ?? "" })
      : report.status === "SCHEDULED"
        ? t("status.scheduled", { date: report.publishedLabel ?? "" })
        : t("status.draft");

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-label={t("formLabel")}>
        {refused && <FormMessage kind="error">{refused}</FormMessage>}
        <input type="hidden" {...form.register("reportId")} defaultValue={report.id} />
        <input type="hidden" {...form.register("organisationId")} defaultValue={organisationId} />
        <input type="hidden" {...form.register("hasCover")} defaultValue={defaults.hasCover} />
        <input type="hidden" name="locale" value={locale} />
        {noScript.returnField}

        <Section title={t("sections.text")}>
          {text("title", t("fields.title"))}
          {text("lead", t("fields.lead"), { hint: t("hints.lead"), optional: true, rows: 3 })}
          {text("body", t("fields.body"), { hint: t("hints.body"), rows: 16 })}
          {text("authorName", t("fields.authorName"), { optional: true })}
          {text("slug", t("fields.slug"), { hint: t("hints.slug"), optional: true })}
        </Section>

        <Section title={t("sections.cover")}>
          {report.cover && (
            <div className="flex items-start gap-4">
              <Photo photo={report.cover} sizes="160px" className="h-auto w-40 rounded-md" />
              <label className="flex min-h-12 items-center gap-2">
                <input type="checkbox" className="h-5 w-5" defaultChecked={defaults.removeCover} {...form.register("removeCover")} />
                {t("fields.removeCover")}
              </label>
            </div>
          )}
          <Field
            id="report-cover"
            label={report.cover ? t("fields.replaceCover") : t("fields.cover")}
            hint={t("hints.photo", { megabytes: MAX_UPLOAD_MEGABYTES })}
            error={errorOf("cover")}
            optionalLabel={t("optional")}
          >
            <input
              id="report-cover"
              type="file"
              accept={ACCEPTED_IMAGE_TYPES}
              aria-describedby={describedBy("report-cover", "hint", errorOf("cover"))}
              className="block min-h-12 w-full text-base file:mr-3 file:min-h-12 file:rounded-md file:border file:border-petrol-700 file:bg-white file:px-4 file:font-semibold file:text-petrol-800"
              {...form.register("cover")}
            />
          </Field>
          {text("coverAlt", t("fields.alt"), { hint: t("hints.alt") })}
          {text("coverCaption", t("fields.caption"), { optional: true })}
        </Section>

        <Section title={t("sections.quotes")}>
          <p className="text-sm text-muted">{t("hints.quotes")}</p>
          <GroupError message={groupError("quotes")} />
          {defaults.quotes.map((_, index) => (
            <div key={index} className="grid gap-3 border-t border-line pt-3 sm:grid-cols-[2fr_1fr]">
              {text(`quotes.${index}.text` as string, t("fields.quoteText", { n: index + 1 }), { optional: true, rows: 2 })}
              {text(`quotes.${index}.attribution` as string, t("fields.quoteAttribution", { n: index + 1 }), { optional: true })}
            </div>
          ))}
        </Section>

        <Section title={t("sections.links")}>
          <p className="text-sm text-muted">{t("hints.links")}</p>
          <GroupError message={groupError("links")} />
          {defaults.links.map((_, index) => (
            <div key={index} className="grid gap-3 border-t border-line pt-3 sm:grid-cols-2">
              {text(`links.${index}.label` as string, t("fields.linkLabel", { n: index + 1 }), { optional: true })}
              {text(`links.${index}.url` as string, t("fields.linkUrl", { n: index + 1 }), { optional: true, type: "url" })}
            </div>
          ))}
        </Section>

        <Section title={t("sections.connections")}>
          <Field id="report-conferenceId" label={t("fields.conference")} optionalLabel={t("optional")}>
            <select id="report-conferenceId" defaultValue={defaults.conferenceId} className={`${selectClass} w-full`} {...form.register("conferenceId")}>
              <option value="">{t("fields.noConference")}</option>
              {options.conferences.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </Field>
          <CheckboxGroup
            legend={t("fields.speakers")}
            empty={t("fields.noSpeakers")}
            items={options.speakers.map((s) => ({ id: s.id, label: s.name, detail: s.detail }))}
            name="speakers"
            checked={defaults.speakers}
            register={(id) => form.register(`speakers.${id}`)}
          />
          <CheckboxGroup
            legend={t("fields.dossiers")}
            empty={t("fields.noDossiers")}
            items={options.dossiers.map((d) => ({ id: d.id, label: d.title }))}
            name="dossiers"
            checked={defaults.dossiers}
            register={(id) => form.register(`dossiers.${id}`)}
          />
        </Section>

        <Section title={t("sections.gallery")}>
          {report.gallery.length > 0 && (
            <ul className="grid gap-3 sm:grid-cols-3">
              {report.gallery.map((photo) => (
                <li key={photo.id} className="space-y-1">
                  <Photo photo={photo} sizes="200px" className="h-auto w-full rounded-md" />
                  <label className="flex min-h-12 items-center gap-2 text-sm">
                    <input type="checkbox" className="h-5 w-5" defaultChecked={defaults.removePhotos[photo.id]} {...form.register(`removePhotos.${photo.id}`)} />
                    {t("fields.removePhoto")}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm text-muted">{t("hints.galleryPhotos", { count: GALLERY_SLOTS, megabytes: MAX_UPLOAD_MEGABYTES })}</p>
          {serverErrors.galleryPhotos && !enhanced && (
            <p className="flex items-start gap-1 font-semibold text-bad-700">
              <span aria-hidden>⚠</span> {t("validation.galleryPhotos")}
            </p>
          )}
          <ol className="space-y-4">
            {Array.from({ length: GALLERY_SLOTS }, (_, index) => {
              // With JavaScript the next photo's fields appear once a photo is picked in the one before; without
              // it, all of them are there.
              const previous = watched.galleryPhotos?.[index - 1]?.file;
              if (enhanced && index > 0 && !(previous && previous.length > 0)) return null;
              const id = `report-galleryPhotos-${index}`;
              const fileError = errorOf(`galleryPhotos.${index}.file`);
              return (
                <li key={index}>
                  <fieldset className="space-y-3 rounded-lg border border-line p-4">
                    <legend className="px-1 font-semibold">{t("fields.galleryPhotoN", { n: index + 1 })}</legend>
                    <Field id={id} label={t("fields.galleryPhoto")} error={fileError} optionalLabel={t("optional")}>
                      <input
                        id={id}
                        type="file"
                        accept={ACCEPTED_IMAGE_TYPES}
                        aria-describedby={describedBy(id, undefined, fileError)}
                        className="block min-h-12 w-full text-base file:mr-3 file:min-h-12 file:rounded-md file:border file:border-petrol-700 file:bg-white file:px-4 file:font-semibold file:text-petrol-800"
                        {...form.register(`galleryPhotos.${index}.file`)}
                      />
                    </Field>
                    {text(`galleryPhotos.${index}.alt`, t("fields.alt"), { hint: t("hints.alt") })}
                    {text(`galleryPhotos.${index}.caption`, t("fields.caption"), { optional: true })}
                  </fieldset>
                </li>
              );
            })}
          </ol>
        </Section>

        <Section title={t("sections.publish")}>
          <p className="font-semibold">{statusLine}</p>
          {text("publishAt", t("fields.publishAt"), { hint: t("hints.publishAt"), optional: true, type: "datetime-local" })}
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="save" disabled={pending} className={secondaryButton} formAction={noScript.formAction}>
              {report.status === "DRAFT" ? t("actions.saveDraft") : t("actions.saveChanges")}
            </button>
            <button type="submit" name="intent" value="schedule" disabled={pending} className={secondaryButton} formAction={noScript.formAction}>
              {t("actions.schedule")}
            </button>
            <button type="submit" name="intent" value="publish" disabled={pending} className={primaryButton} formAction={noScript.formAction}>
              {report.status === "PUBLISHED" ? t("actions.saveAndKeepPublished") : t("actions.publish")}
            </button>
          </div>
          {pending && (
            <p role="status" className="text-muted">
              {t("pending")}
            </p>
          )}
        </Section>
      </form>

      <section aria-labelledby="report-preview" tabIndex={0} className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <h2 id="report-preview" className="text-xl font-semibold text-petrol-800">
          {t("preview.title")}
        </h2>
        <p className="mb-4 text-sm text-muted">{t("preview.intro")}</p>
        <div className="rounded-xl border border-line bg-paper p-5 sm:p-8">
          <ReportPreview
            content={{
              title: watched.title ?? "",
              lead: watched.lead ?? "",
              body: watched.body ?? "",
              authorName: watched.authorName ?? "",
              quotes: (watched.quotes ?? []).map((q) => ({ text: q?.text ?? "", attribution: q?.attribution ?? "" })),
              links: (watched.links ?? []).map((l) => ({ label: l?.label ?? "", url: l?.url ?? "" })),
              cover: watched.removeCover ? null : report.cover,
              coverFile: pickedCover,
              coverAlt: watched.coverAlt ?? "",
              coverCaption: watched.coverCaption ?? "",
              gallery: report.gallery.filter((p) => !watched.removePhotos?.[p.id]),
              publishedDate: report.publishedDate,
              conference: options.conferences.find((c) => c.id === watched.conferenceId) ?? null,
              speakers: options.speakers.filter((s) => watched.speakers?.[s.id]),
            }}
          />
        </div>
      </section>
    </div>
  );
}

/**
 * One part of the form: a fieldset whose legend looks like a heading inside the card. The legend floats so
 * that it sits inside the border; what follows clears it, so no row ends up beside it.
 */
function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-line bg-white p-5">
      <legend className="float-left w-full text-xl font-semibold text-petrol-800">{title}</legend>
      <div className="clear-left space-y-4 pt-3">{children}</div>
    </fieldset>
  );
}

function GroupError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="flex items-start gap-1 text-sm font-semibold text-bad-700">
      <span aria-hidden>⚠</span> {message}
    </p>
  );
}

function CheckboxGroup({
  legend,
  empty,
  items,
  name,
  checked,
  register,
}: {
  legend: string;
  empty: string;
  items: Array<{ id: string; label: string; detail?: string }>;
  name: string;
  checked: Record<string, boolean>;
  register: (id: string) => ReturnType<ReturnType<typeof useForm<Values>>["register"]>;
}) {
  return (
    <fieldset>
      <legend className="font-semibold">{legend}</legend>
      {items.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ul className="mt-1 grid gap-x-4 sm:grid-cols-2">
          {items.map((item) => (
            <li key={item.id}>
              <label className="flex min-h-12 items-center gap-2">
                <input type="checkbox" id={`${name}-${item.id}`} className="h-5 w-5 shrink-0" defaultChecked={checked[item.id]} {...register(item.id)} />
                <span>
                  {item.label}
                  {item.detail && <span className="block text-sm text-muted">{item.detail}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
