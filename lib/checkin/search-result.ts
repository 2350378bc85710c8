// A search hit as the host screen shows it (client-safe; queries.ts produces it).
import type { TicketEntry } from "./schema";

export interface SearchResult {
  registrationId: string;
  name: string;
  organisation: string | null;
  status: TicketEntry["status"];
  checkedInAt: string | null;
}
