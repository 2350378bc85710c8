"use client";
// A ticket code typed by hand or by a keyboard-wedge scanner (which types the code and presses Enter).
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";

export function CodeForm({ onCode }: { onCode: (code: string) => void }) {
  const t = useTranslations("checkin.code");
  const [code, setCode] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    onCode(code);
    setCode("");
  };
  return (
    <form onSubmit={submit} className="space-y-1">
      <label htmlFor="checkin-code" className="block font-semibold">
        {t("label")}
      </label>
      <p id="checkin-code-hint" className="text-sm text-muted">
        {t("hint")}
      </p>
      <div className="flex gap-2">
        <input
          id="checkin-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-describedby="checkin-code-hint"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          className={`${inputClass} font-mono text-lg`}
        />
        <button type="submit" className="min-h-12 shrink-0 rounded-md bg-petrol-800 px-4 font-semibold text-white">
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
