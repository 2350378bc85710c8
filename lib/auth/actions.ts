"use server";

import { headers } from "next/headers";
import { signIn, signOut } from "@/auth";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { EMAIL_PROVIDER_ID } from "./email-provider";
import { localizedPath } from "@/lib/site/urls";
import { signInSchema } from "./schema";
import { countSignInRequest } from "./sign-in-limits";

export type SignInFormState =
  | { status: "idle" }
  | {
      status: "error";
      /** Keys under "validation". */
      fieldErrors: Record<string, string>;
      formError?: "fix" | "rateLimited" | "unexpected";
      retryAfterSeconds?: number;
      email: string;
    };

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/**
 * Step one of signing in. Validates, applies the rate limits, then lets Auth.js create the hashed one-time
 * token and call our provider, which queues the email only for addresses that may sign in. Every valid,
 * non-limited request ends on the same "check your email" page.
 */
export async function requestSignInLinkAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const email = text(form, "email") ?? "";
  const parsed = signInSchema.safeParse({ email, callbackUrl: text(form, "callbackUrl"), locale: text(form, "locale") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "email")] ??= issue.message;
    return { status: "error", fieldErrors, formError: "fix", email };
  }
  const { locale, callbackUrl } = parsed.data;

  try {
    const limited = await countSignInRequest(parsed.data.email, clientAddress(await headers()));
    if (!limited.ok) {
      return { status: "error", fieldErrors: {}, formError: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, email };
    }
    await signIn(EMAIL_PROVIDER_ID, {
      email: parsed.data.email,
      redirectTo: callbackUrl ?? localizedPath(locale, "/beheer"),
      locale,
      redirect: false,
    });
  } catch (error) {
    // By name only: Auth.js errors can carry the address in their message.
    console.error(`[auth] sign-in request failed: ${error instanceof Error ? error.name : typeof error}`);
    return { status: "error", fieldErrors: {}, formError: "unexpected", email };
  }
  return redirect({ href: "/inloggen/controleer-je-email", locale });
}

/**
 * Sign-out as a server action: a POST that Next only accepts from this site's own pages (it checks Origin
 * against Host), so no other site can sign someone out. Auth.js deletes the session row.
 */
export async function signOutAction(form: FormData): Promise<void> {
  const locale: Locale = form.get("locale") === "en" ? "en" : "nl";
  await signOut({ redirect: false });
  redirect({ href: { pathname: "/inloggen", query: { uitgelogd: "1" } }, locale });
}
