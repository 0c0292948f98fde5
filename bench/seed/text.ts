import { GLUE, TAIL, VOCABULARY } from "./words";
import { type Rng, Zipf } from "./prng";

const zipf = new Zipf(VOCABULARY.length, 0.85);
const tailZipf = new Zipf(TAIL.length, 0.6);

function words(rng: Rng, n: number, tailShare: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && rng.chance(0.25)) out.push(rng.pick(GLUE));
    out.push(rng.chance(tailShare) ? TAIL[tailZipf.draw(rng)]! : VOCABULARY[zipf.draw(rng)]!);
  }
  return out.join(" ");
}

function sentence(rng: Rng, n: number): string {
  const s = words(rng, n, 0.04);
  return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}

export function title(rng: Rng): string {
  const s = words(rng, rng.int(3, 8), 0.02);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function description(rng: Rng): string {
  if (rng.chance(0.1)) return "";
  const sentences = Array.from({ length: rng.int(1, 5) }, () => sentence(rng, rng.int(6, 16)));
  return rng.chance(0.3) ? `${sentences.join(" ")}\n\n- ${words(rng, 5, 0.05)}\n- ${words(rng, 4, 0.05)}` : sentences.join(" ");
}

export function comment(rng: Rng): string {
  return Array.from({ length: rng.int(1, 3) }, () => sentence(rng, rng.int(5, 14))).join(" ");
}

/** The search corpus: terms whose document frequency is known by construction. */
export const QUERY_TERMS = {
  common: [VOCABULARY[0]!, VOCABULARY[2]!, VOCABULARY[5]!],
  medium: [TAIL[0]!, TAIL[3]!, TAIL[10]!],
  rare: [TAIL[500]!, TAIL[2_000]!, TAIL[8_000]!],
  prefix: ["migr", "notif", "perf"],
} as const;
