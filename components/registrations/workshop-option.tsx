"use client";
// One workshop of a first-come round in the registration form: its title, time, room and places. A full one
// says once, in its label, that choosing it is choosing its waiting list: lib/places puts the person there (also
// when it fills up between loading the page and sending it, which the outcome then says).
import type { InputHTMLAttributes, Ref } from "react";
import { useTranslations } from "next-intl";
import { placesTone } from "@/lib/places/few-places";
import { contentLang } from "@/lib/site/content-lang";
import type { FormSession } from "./registration-form";

type Props = {
  session: FormSession;
  locale: "nl" | "en";
  /** The server refused it (it can no longer be chosen): marked as the error summary's link target. */
  refused: boolean;
  input: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
};

export function WorkshopOption({ session, locale, refused, input }: Props) {
  const t = useTranslations("registration");
  const left = session.placesLeft;
  const tone = left !== null && session.capacity !== null ? placesTone(left, session.capacity) : null;
  return (
    <label
      className={`flex min-h-12 cursor-pointer items-start gap-3 rounded-md p-2 hover:bg-petrol-50 ${refused ? "outline outline-2 outline-bad-700" : ""}`}
    >
      <input id={`workshop-${session.id}`} type="radio" value={session.id} className="mt-1 h-5 w-5 shrink-0 accent-petrol-700" {...input} />
      <span>
        <span className="font-semibold" lang={contentLang(locale)}>
          {session.title}
        </span>
        <span className="block text-sm text-muted">
          {session.timeRange}
          {session.room && <> · {session.room}</>}
        </span>
        {left !== null &&
          (tone === "full" ? (
            <span className="block text-sm font-semibold text-warn-800">
              <span aria-hidden>⏳ </span>
              {t("sessionFull")}
            </span>
          ) : tone === "few" ? (
            <span className="block text-sm font-semibold text-accent-700">{t("placesLeftFew", { count: left })}</span>
          ) : (
            <span className="block text-sm text-muted">{t("placesLeft", { count: left })}</span>
          ))}
      </span>
    </label>
  );
}
