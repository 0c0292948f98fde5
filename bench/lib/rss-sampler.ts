import { treeRss } from "./processes";

/**
 * Samples a process tree's resident size every `everyMs` while `work` runs and reports the peak:
 * target 7 (the web process under the create load) is about the highest it reaches, not where it settles.
 */
export async function peakRssDuring<T>(
  pid: number,
  work: () => Promise<T>,
  everyMs = 250,
): Promise<{ value: T; peak: number; idle: number }> {
  const idle = treeRss(pid);
  let peak = idle;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, everyMs);
  try {
    const value = await work();
    peak = Math.max(peak, treeRss(pid));
    return { value, peak, idle };
  } finally {
    clearInterval(timer);
  }
}
