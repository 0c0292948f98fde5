import { ServiceError } from "../errors";
import { settings } from "@/config/settings";

const CSV_TYPES = ["text/csv", "application/csv", "text/plain"];

/** The CSV text of an import request: 415 for another content type, 413 beyond MAX_UPLOAD_MB. */
export async function readCsvBody(req: Request): Promise<string> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!CSV_TYPES.includes(type)) throw new ServiceError("UNSUPPORTED_MEDIA_TYPE", "Send the CSV as text/csv");
  const limit = settings().MAX_UPLOAD_MB * 1024 * 1024;
  if (Number(req.headers.get("content-length") ?? "0") > limit)
    throw new ServiceError("PAYLOAD_TOO_LARGE", `The CSV exceeds ${settings().MAX_UPLOAD_MB} MB`);
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > limit) throw new ServiceError("PAYLOAD_TOO_LARGE", `The CSV exceeds ${settings().MAX_UPLOAD_MB} MB`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError("VALIDATION", "The CSV must be UTF-8", { errors: [{ path: "csv", message: "must be UTF-8 text" }] });
  }
}
