/** The Postgres NOTIFY channel recordEvent signals on commit; the payload is the project id. */
export const EVENTS_CHANNEL = "tasklane_events";
