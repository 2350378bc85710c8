// The sign-up form's check in the browser: the same zod schema the server action and the JSON API use
// (lib/registrations/schema.ts). Loaded on its own, when the attendee first touches the form
// (./registration-form.tsx): zod is about half of the form's JavaScript, and reading the page, or the first
// paint on a phone, needs none of it. The server checks every submit whatever the browser did.
import { zodResolver } from "@hookform/resolvers/zod";
import { registrationSchema } from "@/lib/registrations/schema";

export const registrationResolver = zodResolver(registrationSchema);
