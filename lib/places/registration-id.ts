// A registration's id, in one place: made here for every registration (the form, the JSON API, a walk-in, an
// organiser's addition; Prisma's default in prisma/schema.prisma makes the same kind), and checked here
// wherever one comes back from outside, such as the door's scans. The door once accepted only ids without
// hyphens, so every registration made online was refused at check-in while seeded ones worked.
// Client-safe: the host's phone imports the schema.
import { z } from "zod";

export function newRegistrationId(): string {
  return globalThis.crypto.randomUUID();
}

// Registrations made before ids were UUIDs carry Prisma's cuids ("c" and 24 more letters and digits).
export const registrationIdSchema = z.union([z.uuid(), z.cuid()]);
