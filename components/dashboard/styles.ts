// Button looks shared by the dashboard's forms. 48px high on every screen: the same component serves the
// phone at the door and the desk.
export const primaryButton =
  "inline-flex min-h-12 items-center justify-center rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900 disabled:opacity-70";

export const secondaryButton =
  "inline-flex min-h-12 items-center justify-center rounded-md border border-petrol-700 bg-white px-4 font-semibold text-petrol-800 hover:bg-petrol-50 disabled:opacity-70";

export const dangerButton =
  "inline-flex min-h-12 items-center justify-center rounded-md border-2 border-bad-700 bg-white px-4 font-semibold text-bad-700 hover:bg-bad-50 disabled:opacity-70";

export const selectClass =
  "block min-h-12 rounded-md border border-muted bg-white px-3 py-2 text-base text-ink";
