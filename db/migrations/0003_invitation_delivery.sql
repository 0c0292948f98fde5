ALTER TABLE "email_jobs" ADD COLUMN "invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "email_jobs" ADD COLUMN "last_attempt_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "email_jobs" ADD CONSTRAINT "email_jobs_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_jobs_invitation_idx" ON "email_jobs" USING btree ("invitation_id","created_at");