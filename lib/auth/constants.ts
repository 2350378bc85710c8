/** How long a sign-in link works. Short, because whoever holds the email holds the account. */
export const SIGN_IN_LINK_MINUTES = 15;

/** Auth.js's id for our email provider: in the callback URL /api/auth/callback/email. */
export const EMAIL_PROVIDER_ID = "email";
