"use server";
import { attempt, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import { importTasksCsv, type ImportReport } from "@/server/tasks/csv-import";

/** The list page's "Import CSV…": `dryRun` = "1" checks the file (everything rolled back), else imports it. */
export const importCsvAction = serverAction(async function importCsvAction(
  projectId: string,
  form: FormData,
): Promise<ActionResult<ImportReport>> {
  const ctx = await requireContext();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, error: "Choose a CSV file", fieldErrors: { file: "Choose a CSV file" } };
  let csv: string;
  try {
    csv = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, error: "The CSV must be UTF-8 text", fieldErrors: { file: "must be UTF-8 text" } };
  }
  return attempt(() => importTasksCsv({ ctx, projectId, csv, dryRun: form.get("dryRun") === "1" }));
});
