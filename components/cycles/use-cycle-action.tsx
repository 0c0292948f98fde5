"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/app/lib/action";
import { refusalMessage } from "@/components/ui/field-errors";

/** Runs a cycle action, shows its refusal, refreshes the page's data on success. */
export function useCycleAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    start(async () => {
      const r = await fn();
      if (!r.ok) return setError(refusalMessage(r, { withSummary: true }));
      setError(null);
      after?.();
      router.refresh();
    });
  const alert = error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;
  return { run, pending, alert };
}
