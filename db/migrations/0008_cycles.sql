CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"report" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_dates_check" CHECK ("cycles"."end_date" >= "cycles"."start_date")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "cycle_settings" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "cycle_id" uuid;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_project_number_idx" ON "cycles" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_project_start_idx" ON "cycles" USING btree ("project_id","start_date");--> statement-breakpoint
CREATE INDEX "cycles_open_end_idx" ON "cycles" USING btree ("end_date") WHERE "cycles"."completed_at" is null;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_project_cycle_idx" ON "tasks" USING btree ("project_id","cycle_id") WHERE "tasks"."cycle_id" is not null;