export { type Email } from "./send";
export { invitationEmail } from "./templates";
export { listMailbox } from "./mailbox";
export { enqueueEmail } from "./enqueue";
export { wakeEmailWorker } from "./jobs";
export { takeEmailQuota } from "./quota";
