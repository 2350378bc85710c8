// Auth.js for Podium: sign-in by a one-time email link, database sessions. Configured lazily, per request,
// so that `next build` (which imports this without AUTH_SECRET or a database) does not need either.
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";
import { env } from "@/lib/env";

// Auth.js builds its absolute URLs and redirects (after the emailed link, to the error page) from the request's
// URL, and Next makes that from the address it serves on (http://localhost:3000), not from the one the browser
// used: behind a reverse proxy a sign-in ended on http://localhost:3000/beheer. AUTH_URL makes Auth.js use
// APP_URL, the public address, which is also where the emailed link points.
process.env.AUTH_URL ??= new URL(env.APP_URL).origin;

export const { handlers, auth, signIn, signOut } = NextAuth((request) => authConfig(request));
