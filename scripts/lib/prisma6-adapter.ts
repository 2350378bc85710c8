// The driver adapter the Prisma 6.19.3 CLI (npm alias `prisma6`) uses for its WASM schema engine; loaded by the
// config file that scripts/prisma6.ts generates, so this code runs inside the Prisma 6 CLI process.
// It fixes two defects of @prisma/adapter-pg 6.19.3 at run time (node_modules stays untouched, so `npm ci`
// on a clean clone gets the same behaviour):
//  1. The engine's introspection queries return columns of type `name` (OID 19) and `"char"` (OID 18), which
//     the adapter refuses ("Column type 'name' could not be deserialized", prisma/orm#27403). pg already hands
//     both over as strings. `name` becomes text; `"char"` must reach the engine as its Character column type
//     (reported as text, the engine panics with "unreachable" reading check constraints' `contype`).
//  2. executeScript() splits scripts on every ";", which breaks dollar-quoted bodies (plpgsql functions,
//     `DO $$ ... $$`) when the engine replays migrations into the shadow database. We send the whole script
//     as one simple-protocol query instead, which PostgreSQL parses properly (and runs as one implicit
//     transaction, exactly like scripts/lib/migrate.ts applies migrations at run time).
import { PrismaPg } from "adapter-pg6";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils 6.19.3

interface QueryResultLike {
  fields?: { dataTypeID: number }[];
  rows?: unknown[];
}
interface QueryableProto {
  // pg answers a multi-statement script (the engine sends whole migrations through executeRaw) with an array.
  performIO: (this: unknown, query: unknown) => Promise<QueryResultLike | QueryResultLike[]>;
  queryRaw: (this: unknown, query: unknown) => Promise<{ columnTypes: number[]; rows: unknown[] }>;
}
interface AdapterProto {
  executeScript: (this: AdapterLike, script: string) => Promise<void>;
}
interface AdapterLike {
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(err: unknown): never;
}

let patched = false;

/** Patches the classes behind an adapter instance once; all later instances share the prototypes. */
function patchPrototypes(adapter: object): void {
  if (patched) return;
  const adapterProto: unknown = Object.getPrototypeOf(adapter);
  // PrismaPgAdapter and PgTransaction both extend PgQueryable, which owns performIO.
  const queryableProto: unknown = adapterProto && Object.getPrototypeOf(adapterProto);
  if (
    !hasMethod<AdapterProto>(adapterProto, "executeScript") ||
    !hasMethod<QueryableProto>(queryableProto, "performIO") ||
    !hasMethod<QueryableProto>(queryableProto, "queryRaw")
  ) {
    throw new Error("adapter-pg6 internals changed (expected 6.19.3): update scripts/lib/prisma6-adapter.ts");
  }
  // queryRaw() maps pg's fields to column types and returns pg's rows array as is: we relabel the fields in
  // performIO (so the mapping succeeds) and, keyed by that rows array, restore "char" columns afterwards.
  const charColumns = new WeakMap<object, number[]>();
  const { performIO, queryRaw } = queryableProto;
  queryableProto.performIO = async function (query) {
    const result = await performIO.call(this, query);
    for (const part of Array.isArray(result) ? result : [result]) {
      const chars: number[] = [];
      part.fields?.forEach((field, i) => {
        if (field.dataTypeID === CHAR_OID) chars.push(i);
        if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
      });
      if (chars.length && part.rows) charColumns.set(part.rows, chars);
    }
    return result;
  };
  queryableProto.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  adapterProto.executeScript = async function (script) {
    try {
      await this.underlyingDriver().query(script);
    } catch (err) {
      this.onError(err); // converts to the DriverAdapterError the engine expects
    }
  };
  patched = true;
}

function hasMethod<T>(value: unknown, name: string): value is T {
  return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[name] === "function";
}

class PatchedPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    patchPrototypes(adapter);
    return adapter;
  }
  // The base class calls this.connect() first (patched above) to CREATE DATABASE the shadow database.
  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    patchPrototypes(adapter);
    return adapter;
  }
}

/**
 * Separate fields, not a connectionString: the adapter's shadow-database code overrides `database`.
 * (So a `?schema=` URL parameter is not honoured here: this tooling works on the `public` schema.)
 */
export function createPrisma6Adapter(databaseUrl: string): PrismaPg {
  const url = new URL(databaseUrl);
  return new PatchedPrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || "postgres",
    // The CLI otherwise lingers ~10 s after its work until idle pool connections time out.
    idleTimeoutMillis: 50,
    allowExitOnIdle: true,
  });
}
