CREATE TABLE "event_sequence" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "event_sequence_singleton" CHECK ("event_sequence"."singleton")
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "seq" bigint;--> statement-breakpoint
-- Events written so far committed in id order (under the project row lock): their order is their id.
UPDATE "events" SET "seq" = "id";--> statement-breakpoint
INSERT INTO "event_sequence" ("singleton", "last_seq") SELECT true, coalesce(max("id"), 0) FROM "events";--> statement-breakpoint
CREATE INDEX "events_project_seq_idx" ON "events" USING btree ("project_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "events_seq_key" ON "events" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "events_unsequenced_idx" ON "events" USING btree ("id") WHERE "events"."seq" is null;
--> statement-breakpoint
-- Analytics keys now use the newest outbox row (server/analytics/data-version.ts); nothing bumps this any more.
ALTER TABLE "projects" DROP COLUMN "event_seq";
