import { ServiceError } from "@/server/errors";

/** What every server action returns: the form shows `error` at the top and `fieldErrors` next to their inputs. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; error?: undefined; fieldErrors?: undefined }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; status?: string };

type ZodLike = { name: "ZodError"; issues: { path: PropertyKey[]; message: string }[] };

function isZodError(e: unknown): e is ZodLike {
  return e instanceof Error && e.name === "ZodError" && Array.isArray((e as unknown as ZodLike).issues);
}

export function toActionError(error: unknown): ActionResult<never> {
  if (isZodError(error)) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[issue.path.map(String).join(".")] ??= issue.message;
    return { ok: false, error: "Please fix the highlighted fields", fieldErrors };
  }
  if (error instanceof ServiceError) {
    const fieldErrors = error.extra.errors ? Object.fromEntries(error.extra.errors.map((e) => [e.path, e.message])) : undefined;
    return { ok: false, error: error.message, fieldErrors, status: error.code };
  }
  // Next's redirect()/notFound() are thrown on purpose and must pass through.
  throw error;
}

/** Runs a service call and maps its refusal to a message for the form. */
export async function attempt<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    return toActionError(error);
  }
}

export function formString(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}
