// What the programme editor's specs share: choosing a speaker in the session form's searchable picker.
import type { Locator } from "@playwright/test";
import { expect } from "./fixtures";

/** Types part of the name into the picker and chooses the speaker; the chosen list then shows them. */
export async function chooseSpeaker(form: Locator, name: string, search = name): Promise<void> {
  await form.getByRole("combobox", { name: "Spreker toevoegen" }).fill(search);
  await form.getByRole("option", { name }).click();
  await expect(form.getByRole("button", { name: `${name} weghalen` })).toBeVisible();
}
