/**
 * The demo staff account a training kiosk ships with (issue 15 §1), so a trainer can sign in at once: PIN
 * 246810, printed in docs/configuration.md. A production kiosk refuses it — by its id, and by its PIN whatever
 * the account is called — at start-up.
 */
export const DEMO_ACCOUNT_ID = 'demo-staff';
export const DEMO_PIN = '246810';
export const DEMO_PIN_HASH = 'scrypt$16384$8$1$+KqK8e3lpfiPd/bLfJDUjw==$XUUgsZX/4VR0frlzrU1uEq5W+K5dR+uOnPmz6xJsG9Q=';
