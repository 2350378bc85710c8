// A registration form posted without JavaScript arrives as FormData; this turns it into the object the zod
// schema expects. Workshop fields are named "workshops.<roundId>", checkboxes send "on" only when ticked.
export function registrationFromFormData(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const workshops: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("workshops.") && typeof value === "string" && value) workshops[name.slice(10)] = value;
  }
  return {
    name: text("name") ?? "",
    email: text("email") ?? "",
    organisation: text("organisation"),
    jobRole: text("jobRole"),
    workshops,
    waitForFullWorkshops: form.get("waitForFullWorkshops") === "on",
    dietaryNeeds: text("dietaryNeeds"),
    accessibilityNeeds: text("accessibilityNeeds"),
    privacyConsent: form.get("privacyConsent") === "on",
    photoConsent: form.get("photoConsent") === "on",
    newsletterOptIn: form.get("newsletterOptIn") === "on",
    locale: text("locale") === "en" ? "en" : "nl",
  };
}
