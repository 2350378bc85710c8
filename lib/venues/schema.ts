// The venue forms, shared by the client (zodResolver) and the server actions. Messages are keys under
// "editor.validation".
import { z } from "zod";
import { optionalMultilineText, recordId, requestKey, requiredText, wholeNumber } from "@/lib/editor/fields";
import { optionalWebUrl } from "@/lib/site/link-targets";

const venueFields = z.object({
  name: requiredText(160),
  street: requiredText(160),
  postalCode: requiredText(16),
  city: requiredText(100),
  accessibilityNotes: optionalMultilineText(4000),
  website: optionalWebUrl,
});

export const createVenueSchema = venueFields.extend({ organisationId: recordId, requestKey });
export const updateVenueSchema = venueFields.extend({ venueId: recordId });
export const deleteVenueSchema = z.object({ venueId: recordId });

const roomFields = z.object({ name: requiredText(100), capacity: wholeNumber(1, 100_000) });
export const createRoomSchema = roomFields.extend({ venueId: recordId, requestKey });
export const updateRoomSchema = roomFields.extend({ roomId: recordId });
export const deleteRoomSchema = z.object({ roomId: recordId });

export type CreateVenue = z.output<typeof createVenueSchema>;
export type UpdateVenue = z.output<typeof updateVenueSchema>;
export type CreateRoom = z.output<typeof createRoomSchema>;
export type UpdateRoom = z.output<typeof updateRoomSchema>;

/** The strings of the venue form. */
export type VenueFormValues = {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  accessibilityNotes: string;
  website: string;
};

export const EMPTY_VENUE: VenueFormValues = { name: "", street: "", postalCode: "", city: "", accessibilityNotes: "", website: "" };
