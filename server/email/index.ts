export { sendEmail, type Email } from "./send";
export { invitationEmail } from "./templates";
export { listMailbox } from "./mailbox";
export { takeEmailQuota } from "./quota";
