import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** The words the editor's client forms need, and no more: the dashboard sends no other messages along. */
export async function EditorMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider
      messages={{
        editor: messages.editor,
        conferenceEditor: messages.conferenceEditor,
        venues: messages.venues,
        speakersEditor: messages.speakersEditor,
        offers: messages.offers,
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
