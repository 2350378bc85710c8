"use client";
// Rendered on the page a sign-out lands on (/inloggen?uitgelogd=1), with or without JavaScript during the
// sign-out itself: the door's ticket lists are personal data and leave this browser with the session.
import { useEffect } from "react";
import { forgetTicketLists } from "./door-storage";

export function ForgetTicketLists() {
  useEffect(() => forgetTicketLists(), []);
  return null;
}
