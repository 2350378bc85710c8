// `test` for every spec: each page a test visits gets an axe audit, and serious or critical violations fail
// the test. Pages opened with page.goto are audited at once; pages reached any other way (clicks, redirects,
// client-side navigation) are audited when the test ends, the last one where it stands and the others by
// opening their URL again in the same browser context (same session).
// Every page is also watched for Content-Security-Policy violations (the event, and Chromium's console
// error): one fails the test, as a blocked script or style is a page that does not work as it should.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);
const MAX_NODES_SHOWN = 5;

/** A page's identity for auditing: the hash does not change what is rendered by the server. */
function pageKey(url: string): string | null {
  if (!/^https?:/.test(url)) return null;
  const parsed = new URL(url);
  // JSON and auth callbacks are not pages, and revisiting a callback would spend its one-time token.
  if (parsed.pathname.startsWith("/api/")) return null;
  return `${parsed.origin}${parsed.pathname}${parsed.search}`;
}

/** Collects the Content-Security-Policy violations of the pages it watches, frames included. */
export class PolicyWatcher {
  readonly violations: string[] = [];

  async watch(page: Page): Promise<void> {
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy|securitypolicyviolation/.test(message.text())) {
        this.violations.push(`${page.url()}: ${message.text()}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`[securitypolicyviolation] ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
  }

  report(): string | null {
    if (this.violations.length === 0) return null;
    return [`Content-Security-Policy: ${this.violations.length} violation(s)`, ...[...new Set(this.violations)].map((v) => `  ${v}`)].join("\n");
  }
}

export class PageAuditor {
  private readonly visited = new Set<string>();
  private readonly audited = new Map<string, Violation[]>();
  private finishing = false;

  private readonly policy = new PolicyWatcher();

  constructor(private readonly disabledRules: string[]) {}

  instrument(page: Page): void {
    if (this.finishing) return;
    void this.policy.watch(page);
    page.on("framenavigated", (frame) => {
      const key = frame === page.mainFrame() ? pageKey(frame.url()) : null;
      if (key) this.visited.add(key);
    });
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await this.audit(page);
      return response;
    };
  }

  async audit(page: Page): Promise<void> {
    // A client-side redirect right after load destroys the context axe runs in: audit where it lands.
    for (let attempt = 1; ; attempt++) {
      await page.waitForLoadState("load");
      const key = pageKey(page.url());
      if (!key || this.audited.has(key)) return;
      try {
        if ((await page.evaluate(() => document.contentType)) !== "text/html") return;
        // After a client-side navigation React sets the new page's <title> a moment after the content: wait for
        // it as a user glancing at the tab would. A page that never gets one still fails axe's document-title.
        await page.waitForFunction(() => document.title.trim().length > 0, null, { timeout: 5_000 }).catch(() => undefined);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).disableRules(this.disabledRules).analyze();
        this.audited.set(key, results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? "")));
        return;
      } catch (error) {
        if (attempt >= 3 || !String(error).includes("context was destroyed")) throw error;
      }
    }
  }

  async finish(context: BrowserContext, testPassed: boolean): Promise<void> {
    this.finishing = true;
    // After a failure the page may be anywhere; auditing more would only add noise to the real error.
    if (testPassed) {
      for (const page of context.pages()) await this.audit(page);
      for (const key of this.visited) {
        if (this.audited.has(key)) continue;
        const page = await context.newPage();
        await page.goto(key);
        await this.audit(page);
        await page.close();
      }
    }
    const report = [this.report(), this.policy.report()].filter(Boolean).join("\n\n");
    if (report) throw new Error(report);
  }

  private report(): string | null {
    const failing = [...this.audited].filter(([, violations]) => violations.length > 0);
    if (failing.length === 0) return null;
    const lines = [`Accessibility: serious or critical axe violations on ${failing.length} page(s)`];
    for (const [url, violations] of failing) {
      lines.push("", url);
      for (const violation of violations) {
        lines.push(`  [${violation.impact}] ${violation.id}: ${violation.help}`, `    ${violation.helpUrl}`);
        for (const node of violation.nodes.slice(0, MAX_NODES_SHOWN)) {
          const summary = (node.failureSummary ?? "").replace(/\s*\n\s*/g, " ");
          lines.push(`    - ${node.target.join(" ")}: ${summary}`);
        }
        if (violation.nodes.length > MAX_NODES_SHOWN) {
          lines.push(`    - and ${violation.nodes.length - MAX_NODES_SHOWN} more`);
        }
      }
    }
    return lines.join("\n");
  }
}

export const test = base.extend<{ axeDisabledRules: string[] }>({
  /** Escape hatch for one spec: `test.use({ axeDisabledRules: ["rule-id"] })`, with a comment saying why. */
  axeDisabledRules: [[], { option: true }],
  page: async ({ page, axeDisabledRules, javaScriptEnabled }, use, testInfo) => {
    // axe runs as a script in the page: without JavaScript there is nothing to run it with. Specs that turn
    // JavaScript off visit pages that the other specs audit with it on.
    if (javaScriptEnabled === false) {
      const policy = new PolicyWatcher();
      await policy.watch(page);
      await use(page);
      const report = policy.report();
      if (report) throw new Error(report);
      return;
    }
    const auditor = new PageAuditor(axeDisabledRules);
    auditor.instrument(page);
    page.context().on("page", (opened) => auditor.instrument(opened));
    await use(page);
    await auditor.finish(page.context(), testInfo.status === "passed");
  },
});

export { expect };
