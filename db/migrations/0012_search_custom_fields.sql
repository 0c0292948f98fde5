-- Custom text and URL field values become searchable: tasks.fields_text holds them (weight D in
-- search_vector, after comments), kept current by triggers so no write path can forget it.
ALTER TABLE "tasks" ADD COLUMN "fields_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(comments_text, '')), 'C') || setweight(to_tsvector('english', coalesce(fields_text, '')), 'D')) STORED;--> statement-breakpoint
CREATE INDEX "tasks_search_idx" ON "tasks" USING gin ("search_vector");--> statement-breakpoint
CREATE FUNCTION tasklane_fields_text(task uuid) RETURNS text LANGUAGE sql STABLE AS $$
  -- A URL is split at its punctuation, so each word of its host and path is found on its own.
  select coalesce(string_agg(case when f.type = 'url' then regexp_replace(v.text_value, '[^[:alnum:]]+', ' ', 'g') else v.text_value end,
    chr(10) order by f.position, f.id), '')
  from task_field_values v join custom_fields f on f.id = v.field_id
  where v.task_id = task and f.type in ('text', 'url') and v.text_value is not null
$$;--> statement-breakpoint
CREATE FUNCTION tasklane_task_field_values_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE tasks SET fields_text = tasklane_fields_text(OLD.task_id)
    WHERE id = OLD.task_id AND fields_text IS DISTINCT FROM tasklane_fields_text(OLD.task_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE tasks SET fields_text = tasklane_fields_text(NEW.task_id)
    WHERE id = NEW.task_id AND fields_text IS DISTINCT FROM tasklane_fields_text(NEW.task_id);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER task_field_values_fields_text AFTER INSERT OR UPDATE OR DELETE ON task_field_values
  FOR EACH ROW EXECUTE FUNCTION tasklane_task_field_values_changed();--> statement-breakpoint
-- A field turned into (or out of) text/URL changes which values are searchable.
CREATE FUNCTION tasklane_custom_field_type_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tasks t SET fields_text = tasklane_fields_text(t.id)
  WHERE t.id IN (SELECT v.task_id FROM task_field_values v WHERE v.field_id = NEW.id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER custom_fields_fields_text AFTER UPDATE OF type ON custom_fields
  FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type) EXECUTE FUNCTION tasklane_custom_field_type_changed();
