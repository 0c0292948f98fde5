"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/app/lib/action";
import { refusalMessage } from "@/components/ui/field-errors";

/**
 * Settings forms run a server action, show its refusal next to the control it came from (`at`),
 * and refresh the page's server data on success.
 */
export function useAct() {
  const router = useRouter();
  const [error, setError] = useState<{ at: string; text: string } | null>(null);
  const [pending, start] = useTransition();
  const act = (at: string, fn: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    start(async () => {
      const r = await fn();
      if (!r.ok) return setError({ at, text: refusalMessage(r) });
      setError(null);
      after?.();
      router.refresh();
    });
  const errorAt = (at: string) =>
    error?.at === at ? (
      <span className="field-error" role="alert">
        {error.text}
      </span>
    ) : null;
  return { act, pending, errorAt };
}
