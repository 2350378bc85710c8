// A registration form posted without JavaScript arrives as FormData; this turns it into the object the zod
// schema expects. Workshop fields are named "workshops.<roundId>", checkboxes send "on" only when ticked, and a
// ranked round's choices "rankings.<roundId>.<position>" (position 0 is the first choice), and the answers to the
// conference's own questions "answers.<questionId>".
import { answersFromFormData } from "@/lib/questions/schema";

export function registrationFromFormData(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const workshops: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("workshops.") && typeof value === "string" && value) workshops[name.slice(10)] = value;
  }
  const rankings = rankingsFromFormData(form);
  return {
    name: text("name") ?? "",
    email: text("email") ?? "",
    organisation: text("organisation"),
    jobRole: text("jobRole"),
    workshops,
    rankings,
    dietaryNeeds: text("dietaryNeeds"),
    accessibilityNeeds: text("accessibilityNeeds"),
    privacyConsent: form.get("privacyConsent") === "on",
    photoConsent: form.get("photoConsent") === "on",
    newsletterOptIn: form.get("newsletterOptIn") === "on",
    locale: text("locale") === "en" ? "en" : "nl",
    answers: answersFromFormData(form),
  };
}

/** Ranked rounds' choices by position: "rankings.<roundId>.<position>" = session id (empty: none). */
export function rankingsFromFormData(form: FormData): Record<string, string[]> {
  const positions: Record<string, Array<[number, string]>> = {};
  for (const [name, value] of form.entries()) {
    const match = /^rankings\.([^.]+)\.(\d{1,2})$/.exec(name);
    if (!match?.[1] || typeof value !== "string" || !value) continue;
    (positions[match[1]] ??= []).push([Number(match[2]), value]);
  }
  return Object.fromEntries(Object.entries(positions).map(([round, entries]) => [round, entries.sort((a, b) => a[0] - b[0]).map(([, id]) => id)]));
}
