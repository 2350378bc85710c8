// Auth.js for Podium: sign-in by a one-time email link, database sessions. Configured lazily, per request,
// so that `next build` (which imports this without AUTH_SECRET or a database) does not need either.
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

export const { handlers, auth, signIn, signOut } = NextAuth((request) => authConfig(request));
