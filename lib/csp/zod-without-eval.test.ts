import { describe, expect, it, vi } from "vitest";

describe("zod in the browser, under a policy without eval (instrumentation-client.ts)", () => {
  it("is told not to compile validators, and still validates", async () => {
    await import("../../instrumentation-client");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    // No attempt to find out whether eval is allowed.
    const probe = vi.spyOn(globalThis, "Function");
    const schema = z.object({ name: z.string().min(1), email: z.email() });
    expect(schema.safeParse({ name: "Fatima", email: "fatima@voorbeeld.nl" }).success).toBe(true);
    expect(schema.safeParse({ name: "", email: "nee" }).success).toBe(false);
    expect(probe).not.toHaveBeenCalled();
    probe.mockRestore();
  });
});
