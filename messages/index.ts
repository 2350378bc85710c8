// Every word a user sees, one file per namespace and language, so that work on different parts of the app
// does not collide in one big file. Add a namespace in both languages and list it here; the type check
// below fails when the English files miss a key the Dutch ones have.

import nl_site from "./nl/site.json";
import nl_home from "./nl/home.json";
import nl_conference from "./nl/conference.json";
import nl_report from "./nl/report.json";
import nl_errors from "./nl/errors.json";
import nl_mail from "./nl/mail.json";
import nl_devMailbox from "./nl/devMailbox.json";
import nl_validation from "./nl/validation.json";
import nl_registration from "./nl/registration.json";
import nl_manage from "./nl/manage.json";
import en_site from "./en/site.json";
import en_home from "./en/home.json";
import en_conference from "./en/conference.json";
import en_report from "./en/report.json";
import en_errors from "./en/errors.json";
import en_mail from "./en/mail.json";
import en_devMailbox from "./en/devMailbox.json";
import en_validation from "./en/validation.json";
import en_registration from "./en/registration.json";
import en_manage from "./en/manage.json";

export const nl = {
  site: nl_site,
  home: nl_home,
  conference: nl_conference,
  report: nl_report,
  errors: nl_errors,
  mail: nl_mail,
  devMailbox: nl_devMailbox,
  validation: nl_validation,
  registration: nl_registration,
  manage: nl_manage,
};

export type Messages = typeof nl;

export const en: Messages = {
  site: en_site,
  home: en_home,
  conference: en_conference,
  report: en_report,
  errors: en_errors,
  mail: en_mail,
  devMailbox: en_devMailbox,
  validation: en_validation,
  registration: en_registration,
  manage: en_manage,
};

export const messages = { nl, en } as const;
