import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import type { NextAuthConfig } from "next-auth";
import type { NextRequest } from "next/server";
import type { Locale } from "@/i18n/routing";
import { db } from "@/lib/db";
import { maySignIn } from "./eligibility";
import { emailProvider } from "./email-provider";
import { localeOfPath, localizedPath } from "@/lib/site/urls";
import { authSecret } from "./secret";

const DAY = 24 * 60 * 60;

/**
 * The Prisma adapter works with Prisma 7's generated client and the snake_case tables unchanged: it only uses
 * the model names (user, session, verificationToken...) and their field names, which @map leaves as they
 * are. One addition: expired sign-in tokens of an address are removed when it asks for a new one, so the
 * table does not grow with every link nobody clicked.
 */
function adapter(): Adapter {
  const base = PrismaAdapter(db);
  return {
    ...base,
    async createVerificationToken(token) {
      await db.verificationToken.deleteMany({ where: { identifier: token.identifier, expires: { lt: new Date() } } });
      return base.createVerificationToken ? base.createVerificationToken(token) : null;
    },
  };
}

/**
 * Auth.js redirects to its pages itself (an expired link, a refused sign-in). The link's callbackUrl says
 * which language the person was using, so those pages open in that language.
 */
function requestLocale(request: NextRequest | undefined): Locale {
  const callback = request?.nextUrl.searchParams.get("callbackUrl");
  if (!callback) return "nl";
  try {
    return localeOfPath(new URL(callback, "http://placeholder.invalid").pathname);
  } catch {
    return "nl";
  }
}

export function authConfig(request: NextRequest | undefined): NextAuthConfig {
  const locale = requestLocale(request);
  return {
    adapter: adapter(),
    providers: [emailProvider],
    secret: authSecret(),
    // Database sessions: removing a session row (sign-out, or an owner removing someone) ends it at once.
    session: { strategy: "database", maxAge: 30 * DAY, updateAge: DAY },
    // Self-hosted behind the operator's own proxy. Auth.js's URLs and redirects come from APP_URL (AUTH_URL,
    // set in auth.ts), not from the request's Host or X-Forwarded-Host, as does the one URL that leaves the
    // server with a secret in it, the emailed link (lib/auth/links.ts); redirects are held to that origin below.
    trustHost: true,
    pages: {
      signIn: localizedPath(locale, "/inloggen"),
      error: localizedPath(locale, "/inloggen"),
      verifyRequest: localizedPath(locale, "/inloggen/controleer-je-email"),
      signOut: localizedPath(locale, "/uitloggen"),
    },
    callbacks: {
      async signIn({ user, email }) {
        // Asking for a link: the same answer for every address. Whether an email goes out is decided, and
        // kept quiet, in sendSignInLink.
        if (email?.verificationRequest) return true;
        // Using a link: still allowed? (Removed from every organisation in the meantime: no.)
        return typeof user.email === "string" && (await maySignIn(db, user.email));
      },
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          // Not a URL: fall through to the home page.
        }
        return baseUrl;
      },
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
    // Auth.js's own logger prints causes and request details that can hold email addresses.
    logger: {
      error: (error) => console.error(`[auth] ${error.name}: ${error.message.split("\n")[0]}`),
      warn: (code) => console.warn(`[auth] warning: ${code}`),
      debug: () => {},
    },
  };
}
