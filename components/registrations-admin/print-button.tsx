"use client";

import { secondaryButton } from "@/components/dashboard/styles";

// Opens the browser's print dialog; without JavaScript, Ctrl+P does the same.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${secondaryButton} print:hidden`}>
      {label}
    </button>
  );
}
