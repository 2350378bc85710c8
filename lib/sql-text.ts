import "server-only";
import pg from "pg";

// SQL text with its values written in, for node-postgres's simple query protocol: the only way to send several
// statements in one round trip (a parameterised query is one statement per round trip). Used on the
// registration rush's hot path, where every round trip made while the conference lock is held is time that
// every other sign-up waits for. Each value goes through pg's own escapeLiteral (quotes doubled, backslashes
// in an E'' string), and only the types below are accepted, so nothing from a form is ever spliced in raw.
export type SqlValue = string | number | boolean | Date | null | readonly string[] | SqlFragment;

export class SqlFragment {
  constructor(readonly text: string) {}
}

export function literal(value: SqlValue): string {
  if (value === null) return "NULL";
  if (value instanceof SqlFragment) return value.text;
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (value instanceof Date) return `${pg.escapeLiteral(value.toISOString())}::timestamptz`;
  return `ARRAY[${value.map((v) => pg.escapeLiteral(v)).join(", ")}]::text[]`;
}

/** `sql\`SELECT ${a}\`` with every value as a literal; nest fragments by passing another sql`` result. */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlFragment {
  return new SqlFragment(strings.reduce((text, part, i) => text + literal(values[i - 1] as SqlValue) + part));
}

/** Several statements joined for one simple-protocol round trip. */
export function statements(...parts: SqlFragment[]): string {
  return parts.map((p) => p.text).join(";\n");
}
