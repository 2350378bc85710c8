// The door is a tool, not a page of the site: the public header and footer (rendered by the locale layout)
// are hidden here so the whole phone screen is the host's. Scoped with :has, so it applies only while the
// check-in screen is on the page.
import type { ReactNode } from "react";

const FULL_SCREEN = "body:has(#checkin-screen) > header, body:has(#checkin-screen) > footer { display: none; }";

export default function CheckInLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <style>{FULL_SCREEN}</style>
      {children}
    </>
  );
}
