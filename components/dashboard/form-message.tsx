// The one status line above a form: green with a check for done, red with a warning sign for an error, so the
// meaning never rests on colour alone.
export function FormMessage({ kind, children }: { kind: "ok" | "error"; children: React.ReactNode }) {
  if (kind === "ok") {
    return (
      <p role="status" className="rounded-md border-2 border-ok-700 bg-ok-50 p-3 font-semibold text-ok-700">
        <span aria-hidden>✓ </span>
        {children}
      </p>
    );
  }
  return (
    <p role="alert" className="rounded-md border-2 border-bad-700 bg-bad-50 p-3 font-semibold text-bad-700">
      <span aria-hidden>⚠ </span>
      {children}
    </p>
  );
}
