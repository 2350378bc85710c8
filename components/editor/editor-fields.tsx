"use client";

import type { ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Field, describedBy, inputClass } from "@/components/ui/field";

// Inputs of the editor forms, each wired to react-hook-form, to its label, hint and error, and carrying its
// value in the HTML so that a form sent without JavaScript shows what was typed after an error.

type Editor = {
  // Any form's registration: these components only pass names through.
  form: UseFormReturn<never>;
  errorOf: (name: string) => string | undefined;
  valueOf: (name: string) => string;
};

type Common = {
  editor: Editor;
  /** Makes ids unique when a page shows several forms of one kind. */
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  optionalLabel?: string;
};

function register(editor: Editor, name: string) {
  return editor.form.register(name as never);
}

export function TextField({
  editor,
  idPrefix,
  name,
  label,
  hint,
  optionalLabel,
  type = "text",
  inputMode,
  autoComplete = "off",
  className = "",
  onChange,
}: Common & {
  type?: "text" | "datetime-local" | "url" | "email";
  inputMode?: "numeric" | "text";
  autoComplete?: string;
  className?: string;
  /** Instead of react-hook-form's own: the caller passes the event on to it (the field stays registered). */
  onChange?: (event: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  const id = `${idPrefix}-${name}`;
  const error = editor.errorOf(name);
  const registered = register(editor, name);
  return (
    <div className={className}>
      <Field id={id} label={label} hint={hint} error={error} optionalLabel={optionalLabel}>
        <input
          id={id}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          defaultValue={editor.valueOf(name)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={inputClass}
          {...registered}
          onChange={onChange ?? registered.onChange}
        />
      </Field>
    </div>
  );
}

export function TextArea({ editor, idPrefix, name, label, hint, optionalLabel, rows = 5 }: Common & { rows?: number }) {
  const id = `${idPrefix}-${name}`;
  const error = editor.errorOf(name);
  return (
    <Field id={id} label={label} hint={hint} error={error} optionalLabel={optionalLabel}>
      <textarea
        id={id}
        rows={rows}
        defaultValue={editor.valueOf(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
        {...register(editor, name)}
      />
    </Field>
  );
}

export function SelectField({
  editor,
  idPrefix,
  name,
  label,
  hint,
  optionalLabel,
  options,
  className = "",
}: Common & { options: Array<{ value: string; label: string }>; className?: string }) {
  const id = `${idPrefix}-${name}`;
  const error = editor.errorOf(name);
  return (
    <div className={className}>
      <Field id={id} label={label} hint={hint} error={error} optionalLabel={optionalLabel}>
        <select
          id={id}
          defaultValue={editor.valueOf(name)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={`${inputClass} pr-8`}
          {...register(editor, name)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

export function HiddenField({ editor, name }: { editor: Editor; name: string }) {
  return <input type="hidden" defaultValue={editor.valueOf(name)} {...register(editor, name)} />;
}

/** A group of fields with a visible heading, for long forms. */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-line bg-white p-5">
      <legend className="px-1 text-lg font-semibold text-petrol-800">{legend}</legend>
      {children}
    </fieldset>
  );
}
