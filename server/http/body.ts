import { ServiceError } from "../errors";
import { settings } from "@/config/settings";
import { fieldErrors } from "./problem";
import { assertStorable } from "../text/storable";
import type { Operation } from "../operations/define";

type Parsed = { body: unknown; form: FormData | undefined; text: string | undefined };

/** Checks content type and size before parsing, so a bad request never reaches a service. */
export async function readBody(op: Operation, req: Request): Promise<Parsed> {
  if (!op.body && !op.multipart) return { body: undefined, form: undefined, text: undefined };
  const s = settings();
  const limit = op.multipart ? s.MAX_UPLOAD_MB * 1024 * 1024 + 64 * 1024 : s.MAX_BODY_KB * 1024;
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw new ServiceError("PAYLOAD_TOO_LARGE", `The body exceeds ${Math.floor(limit / 1024)} KiB`);
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

  if (op.multipart) {
    if (type !== "multipart/form-data") throw new ServiceError("UNSUPPORTED_MEDIA_TYPE", "Send multipart/form-data");
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new ServiceError("BAD_REQUEST", "The multipart body is malformed");
    }
    assertStorable(form, "The form");
    return { body: undefined, form, text: undefined };
  }

  if (type !== "application/json" && !type.endsWith("+json")) throw new ServiceError("UNSUPPORTED_MEDIA_TYPE", "Send application/json");
  const text = await req.text();
  if (Buffer.byteLength(text) > limit) throw new ServiceError("PAYLOAD_TOO_LARGE", `The body exceeds ${Math.floor(limit / 1024)} KiB`);
  if (text.trim() === "")
    throw new ServiceError("VALIDATION", "The body is empty; send a JSON object", {
      errors: [{ path: "", message: "must be a JSON object" }],
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ServiceError("BAD_REQUEST", "The body is not valid JSON");
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new ServiceError("VALIDATION", "The body must be a JSON object", { errors: [{ path: "", message: "must be a JSON object" }] });
  }
  assertStorable(json, "The body");
  const parsed = op.body!.safeParse(json);
  if (!parsed.success) throw new ServiceError("VALIDATION", "The body is invalid", { errors: fieldErrors(parsed.error.issues) });
  return { body: parsed.data, form: undefined, text };
}
