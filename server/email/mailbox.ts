import { desc, eq } from "drizzle-orm";
import { mailboxMessages } from "@/db/schema";
import { database } from "@/db/client";

/** The embedded default's mailbox: the messages sent to one address, newest first. */
export async function listMailbox(to: string, limit = 100) {
  const db = await database();
  return db
    .select()
    .from(mailboxMessages)
    .where(eq(mailboxMessages.to, to.toLowerCase()))
    .orderBy(desc(mailboxMessages.createdAt))
    .limit(limit);
}
