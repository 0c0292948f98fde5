import { unstable_rethrow } from "next/navigation";
import { logger } from "@/config/log";
import { ServiceError, type FieldError } from "@/server/errors";
import { dataException } from "@/server/text/data-exception";
import { unstorableFields } from "@/server/text/storable";

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
  const refused = dataException(error);
  if (refused) return { ok: false, error: refused, status: "VALIDATION" };
  // Next's redirect()/notFound() are thrown on purpose and must pass through.
  throw error;
}

/** Text PostgreSQL cannot store, in any argument of an action (FormData and nested inputs included), by field. */
export function unstorableArguments(args: readonly unknown[]): FieldError[] {
  return args.flatMap((arg, i) => unstorableFields(arg).map((e) => (e.path ? e : { ...e, path: `argument${i}` })));
}

/**
 * Every server action goes through here: refusable input (text PostgreSQL cannot store) is answered with field
 * errors before anything runs, service refusals become messages, and an unexpected failure (an outside service
 * down, a bug) becomes a message for the form instead of the browser's generic error page. redirect() passes through.
 */
export function serverAction<A extends unknown[], T>(
  fn: (...args: A) => Promise<ActionResult<T>>,
): (...args: A) => Promise<ActionResult<T>> {
  return async (...args: A) => {
    const errors = unstorableArguments(args);
    if (errors.length) {
      return {
        ok: false,
        error: "Some text holds characters that cannot be stored (NUL or an unpaired surrogate)",
        fieldErrors: Object.fromEntries(errors.map((e) => [e.path, e.message])),
        status: "VALIDATION",
      };
    }
    try {
      return await fn(...args);
    } catch (error) {
      unstable_rethrow(error);
      try {
        return toActionError(error);
      } catch {
        logger().error({ err: error, action: fn.name }, "server action failed");
        return { ok: false, error: "This could not be done right now; please try again in a moment", status: "UNAVAILABLE" };
      }
    }
  };
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
