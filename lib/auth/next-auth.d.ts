import type { DefaultSession } from "next-auth";

// The session callback in config.ts adds the user's id.
declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}
