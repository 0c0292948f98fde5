CREATE TABLE "custom_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"position" integer NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"show_on_card" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_field_values" (
	"task_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	"value" jsonb NOT NULL,
	"text_value" text,
	"number_value" double precision,
	"date_value" date,
	"bool_value" boolean,
	"option_ids" text[],
	CONSTRAINT "task_field_values_task_id_field_id_pk" PRIMARY KEY("task_id","field_id")
);
--> statement-breakpoint
ALTER TABLE "custom_fields" ADD CONSTRAINT "custom_fields_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_field_values" ADD CONSTRAINT "task_field_values_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_field_values" ADD CONSTRAINT "task_field_values_field_id_custom_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."custom_fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "custom_fields_project_idx" ON "custom_fields" USING btree ("project_id","position","id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_fields_project_name_idx" ON "custom_fields" USING btree ("project_id",lower("name"));--> statement-breakpoint
CREATE INDEX "task_field_values_text_idx" ON "task_field_values" USING btree ("field_id",left("text_value", 256));--> statement-breakpoint
CREATE INDEX "task_field_values_number_idx" ON "task_field_values" USING btree ("field_id","number_value");--> statement-breakpoint
CREATE INDEX "task_field_values_date_idx" ON "task_field_values" USING btree ("field_id","date_value");--> statement-breakpoint
CREATE INDEX "task_field_values_bool_idx" ON "task_field_values" USING btree ("field_id","bool_value");--> statement-breakpoint
CREATE INDEX "task_field_values_options_idx" ON "task_field_values" USING gin ("option_ids");