// Issue 5, item 3: "an authorization test walks every action and route handler". This test reads the source
// tree for every exported server action ("use server" files) and every route handler (app/**/route.ts), and
// fails, naming them, when one is exercised by none of the authorization tests and is not deliberately public.
// "Exercised" means an authorization test imports and uses the action itself, or the definition or mutation
// it wraps (the tests run those with a chosen user: lib/auth/authorized-action.ts), or the route's method.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const AUTHORIZATION_TESTS = /^(authorization-.+|auth-authorization|checkin-access)\.test\.ts$/;
const SELF = "authorization-coverage.test.ts";

// Open to everyone on purpose; each is protected by something other than a role, named here.
const PUBLIC_ACTIONS: Record<string, string> = {
  requestSignInLinkAction: "the sign-in form: anyone may ask for a link; same answer for every address, rate limited in PostgreSQL",
  signOutAction: "ends the caller's own session only",
  registerAction: "the public registration form of a published conference",
  changeWorkshopsAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  changeRankingAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  updateNeedsAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  updateAnswersAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  updateDetailsAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  confirmEmailChangeAction: "the unguessable, expiring token from the email sent to the new address is the authorization",
  confirmComingAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  cancelAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  answerOfferAction: "manage-by-token: the unguessable token from the registrant's email, and the offer must be that registration's (places_offer_answer)",
  eraseAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  updateRegistryNumbersAction: "manage-by-token: the unguessable token from the registrant's email is the authorization",
  subscribeAction: "the public newsletter form (double opt-in by email)",
  confirmAction: "newsletter double opt-in: the token from the email is the authorization",
  unsubscribeAction: "newsletter unsubscribe: the token from the email is the authorization",
  answerSurveyAction: "the survey's personal link: the unguessable token from the attendee's email is the authorization",
};

const PUBLIC_ROUTES: Record<string, string> = {
  "GET /api/auth/[...nextauth]": "Auth.js itself: sign-in callbacks and the session",
  "POST /api/auth/[...nextauth]": "Auth.js itself: sign-in callbacks and the session",
  "GET /api/health": "liveness and database check for the load balancer; says nothing about data",
  "GET /api/conferences/[slug]/calendar": "the public calendar file of a published conference",
  "POST /api/conferences/[slug]/registrations": "the public registration API of a published conference",
  "GET /api/manage/[token]/calendar": "manage-by-token: the token from the registrant's email is the authorization",
  "GET /api/manage/[token]/data": "manage-by-token: the registrant's own data export, authorized by their token",
  "GET /api/manage/[token]/certificate": "manage-by-token: the registrant's own certificate, authorized by their token",
  "GET /api/newsletter/unsubscribe/[token]": "one-click unsubscribe: the token from the email is the authorization",
  "POST /api/newsletter/unsubscribe/[token]": "one-click unsubscribe (RFC 8058): the token from the email is the authorization",
  "GET /feeds/conferenties.ics": "the public calendar feed of published conferences",
  "GET /feeds/sfeerverslagen.xml": "the public RSS feed of published reports",
  "GET /api/v1/openapi.json": "the REST API's description: shapes only, no data",
  "GET /media/[...path]": "uploaded photos, shown on public pages; only re-encoded images, never executed",
};

const SKIP_DIRS = new Set(["node_modules", ".next", ".data", ".git", "generated", "test-results", "playwright-report"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.posix.join(dir, name);
    if (SKIP_DIRS.has(name)) return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const word = (name: string) => new RegExp(`\\b${name.replace(/[$]/g, "\\$&")}\\b`, "g");

/** Imported bindings of a file: local name → "@/module/path#exportedName". */
function importsOf(file: string, source: string): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const match of source.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)";/gm)) {
    const [, names = "", specifier = ""] = match;
    const modulePath = specifier.startsWith(".") ? `@/${path.posix.join(path.posix.dirname(file), specifier)}` : specifier;
    for (const part of names.split(",")) {
      const [imported, local = imported] = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/);
      if (imported && local) bindings.set(local, `${modulePath}#${imported}`);
    }
  }
  return bindings;
}

/** What the authorization tests import and actually use, as "@/module/path#exportedName". */
function exercisedByTests(): { used: Set<string>; files: string[] } {
  const files = readdirSync(path.join(ROOT, "tests/integration")).filter((name) => AUTHORIZATION_TESTS.test(name) && name !== SELF);
  const used = new Set<string>();
  for (const name of files) {
    const file = `tests/integration/${name}`;
    const source = read(file);
    for (const [local, target] of importsOf(file, source)) {
      // Imported and mentioned again: called (or handed to runAuthorized), not just imported.
      if ((source.match(word(local)) ?? []).length >= 2) used.add(target);
    }
  }
  return { used, files };
}

interface ServerAction {
  file: string;
  name: string;
  /** The action itself and the domain pieces it wraps (definitions, mutations), as import targets. */
  targets: string[];
}

function serverActions(): { actions: ServerAction[]; inline: string[] } {
  const actions: ServerAction[] = [];
  const inline: string[] = [];
  for (const file of ["app", "lib", "components"].flatMap(sourceFiles)) {
    const source = read(file);
    if (!source.includes("use server")) continue;
    const moduleLevel = /^(?:\s*\/\/[^\n]*\n)*\s*["']use server["'];?/.test(source);
    if (!moduleLevel) {
      inline.push(file);
      continue;
    }
    const bindings = importsOf(file, source);
    const modulePath = `@/${file.replace(/\.tsx?$/, "")}`;
    const exports = [...source.matchAll(/^export\s+(?:async\s+)?(?:const|function)\s+(\w+)/gm)];
    exports.forEach((match, index) => {
      const name = match[1] ?? "";
      const body = source.slice(match.index, exports[index + 1]?.index ?? source.length);
      const wrapped = [...bindings]
        .filter(([local, target]) => /\/(?:[\w-]*definitions|mutations)#/.test(target) && word(local).test(body))
        .map(([, target]) => target);
      actions.push({ file, name, targets: [`${modulePath}#${name}`, ...wrapped] });
    });
  }
  return { actions, inline };
}

interface RouteHandler {
  key: string;
  target: string;
}

function routeHandlers(): RouteHandler[] {
  return sourceFiles("app")
    .filter((file) => /\/route\.ts$/.test(file))
    .flatMap((file) => {
      const source = read(file);
      const url = `/${file}`
        .replace(/^\/app/, "")
        .replace(/\/\[locale\]/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/route\.ts$/, "");
      const methods = new Set<string>();
      for (const match of source.matchAll(/^export\s+(?:async\s+function|const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/gm)) methods.add(match[1] ?? "");
      for (const match of source.matchAll(/^export\s+const\s+\{([^}]*)\}/gm)) {
        for (const name of (match[1] ?? "").split(",")) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name.trim())) methods.add(name.trim());
      }
      return [...methods].map((method) => ({ key: `${method} ${url}`, target: `@/${file.replace(/\.ts$/, "")}#${method}` }));
    });
}

describe("the authorization tests", () => {
  const { used, files } = exercisedByTests();
  const { actions, inline } = serverActions();
  const routes = routeHandlers();

  it("find the source to check (a sanity check of this test's own parsing)", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(actions.map((action) => action.name)).toEqual(expect.arrayContaining(["createConferenceAction", "saveReportAction", "registerAction"]));
    expect(routes.map((route) => route.key)).toEqual(expect.arrayContaining(["GET /api/health", "POST /beheer/[organisation]/nieuwsbrief/export"]));
  });

  it("see every server action: none is declared inline in a component or page", () => {
    // An inline "use server" function is invisible to this walk; domain actions belong in lib/<domain>/actions.ts.
    expect(inline).toEqual([]);
  });

  it("exercise every server action that is not deliberately public", () => {
    const missing = actions
      .filter((action) => !(action.name in PUBLIC_ACTIONS))
      .filter((action) => !action.targets.some((target) => used.has(target)))
      .map((action) => `${action.file}: ${action.name}`);
    expect(missing, "server actions no authorization test runs as an outsider").toEqual([]);
  });

  it("exercise every route handler that is not deliberately public", () => {
    const missing = routes.filter((route) => !(route.key in PUBLIC_ROUTES) && !used.has(route.target)).map((route) => route.key);
    expect(missing, "route handlers no authorization test calls as an outsider").toEqual([]);
  });

  it("allow-list only what exists (a renamed action must not stay public by an old name)", () => {
    const names = new Set(actions.map((action) => action.name));
    const keys = new Set(routes.map((route) => route.key));
    expect(Object.keys(PUBLIC_ACTIONS).filter((name) => !names.has(name))).toEqual([]);
    expect(Object.keys(PUBLIC_ROUTES).filter((key) => !keys.has(key))).toEqual([]);
  });
});
