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
import nl_auth from "./nl/auth.json";
import nl_dashboard from "./nl/dashboard.json";
import nl_dossier from "./nl/dossier.json";
import nl_speaker from "./nl/speaker.json";
import nl_newsletter from "./nl/newsletter.json";
import nl_privacy from "./nl/privacy.json";
import nl_checkin from "./nl/checkin.json";
import nl_editor from "./nl/editor.json";
import nl_conferenceEditor from "./nl/conferenceEditor.json";
import nl_venues from "./nl/venues.json";
import nl_speakersEditor from "./nl/speakersEditor.json";
import nl_reportEditor from "./nl/reportEditor.json";
import nl_registrationsAdmin from "./nl/registrationsAdmin.json";
import nl_newsletterAdmin from "./nl/newsletterAdmin.json";
import nl_auditLog from "./nl/auditLog.json";
import nl_integrations from "./nl/integrations.json";
import nl_retention from "./nl/retention.json";
import nl_offers from "./nl/offers.json";
import nl_feedback from "./nl/feedback.json";
import nl_attendance from "./nl/attendance.json";
import nl_certificates from "./nl/certificates.json";
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
import en_auth from "./en/auth.json";
import en_dashboard from "./en/dashboard.json";
import en_dossier from "./en/dossier.json";
import en_speaker from "./en/speaker.json";
import en_newsletter from "./en/newsletter.json";
import en_privacy from "./en/privacy.json";
import en_checkin from "./en/checkin.json";
import en_editor from "./en/editor.json";
import en_conferenceEditor from "./en/conferenceEditor.json";
import en_venues from "./en/venues.json";
import en_speakersEditor from "./en/speakersEditor.json";
import en_reportEditor from "./en/reportEditor.json";
import en_registrationsAdmin from "./en/registrationsAdmin.json";
import en_newsletterAdmin from "./en/newsletterAdmin.json";
import en_auditLog from "./en/auditLog.json";
import en_integrations from "./en/integrations.json";
import en_retention from "./en/retention.json";
import en_offers from "./en/offers.json";
import en_feedback from "./en/feedback.json";
import en_attendance from "./en/attendance.json";
import en_certificates from "./en/certificates.json";

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
  auth: nl_auth,
  dashboard: nl_dashboard,
  dossier: nl_dossier,
  speaker: nl_speaker,
  newsletter: nl_newsletter,
  privacy: nl_privacy,
  checkin: nl_checkin,
  editor: nl_editor,
  conferenceEditor: nl_conferenceEditor,
  venues: nl_venues,
  speakersEditor: nl_speakersEditor,
  reportEditor: nl_reportEditor,
  registrationsAdmin: nl_registrationsAdmin,
  newsletterAdmin: nl_newsletterAdmin,
  auditLog: nl_auditLog,
  integrations: nl_integrations,
  retention: nl_retention,
  offers: nl_offers,
  feedback: nl_feedback,
  attendance: nl_attendance,
  certificates: nl_certificates,
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
  auth: en_auth,
  dashboard: en_dashboard,
  dossier: en_dossier,
  speaker: en_speaker,
  newsletter: en_newsletter,
  privacy: en_privacy,
  checkin: en_checkin,
  editor: en_editor,
  conferenceEditor: en_conferenceEditor,
  venues: en_venues,
  speakersEditor: en_speakersEditor,
  reportEditor: en_reportEditor,
  registrationsAdmin: en_registrationsAdmin,
  newsletterAdmin: en_newsletterAdmin,
  auditLog: en_auditLog,
  integrations: en_integrations,
  retention: en_retention,
  offers: en_offers,
  feedback: en_feedback,
  attendance: en_attendance,
  certificates: en_certificates,
};

export const messages = { nl, en } as const;
