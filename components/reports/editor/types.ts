// What the editor pages hand to the client components: plain, serialisable data.
import type { ReportStatus } from "@/lib/generated/prisma/enums";

export type EditorPhoto = { id: string; file: string; width: number; height: number; altText: string; caption: string | null; credit: string | null };

export type EditorReport = {
  id: string;
  isNew: boolean;
  title: string;
  slug: string;
  lead: string;
  body: string;
  authorName: string;
  conferenceId: string;
  speakerIds: string[];
  dossierIds: string[];
  quotes: Array<{ text: string; attribution: string }>;
  links: Array<{ label: string; url: string }>;
  cover: EditorPhoto | null;
  gallery: EditorPhoto[];
  status: ReportStatus;
  /** Amsterdam wall-clock time "2027-03-11T09:30" of a scheduled report, else "". */
  publishAt: string;
  /** Already formatted for the status line and the preview's date line. */
  publishedLabel: string | null;
  /** The date line of the public page ("26 oktober 2017"); null for a draft. */
  publishedDate: string | null;
};

export type EditorOptions = {
  conferences: Array<{ id: string; label: string }>;
  speakers: Array<{ id: string; name: string; detail: string }>;
  dossiers: Array<{ id: string; title: string }>;
};
