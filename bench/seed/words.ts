import { Rng } from "./prng";

// The working vocabulary of a software team, most frequent first (Zipf rank = index).
const COMMON = `
fix update add page user error test api login issue support release build data review
dashboard report customer design mobile account search performance deploy service email
feature docs server form button cache database settings payment invoice notification export
import upload profile team project admin workflow sprint backlog migration query index endpoint
token session password permission role security audit log metric alert monitor crash timeout
latency memory leak spike retry queue worker job schedule cron webhook event stream socket
client browser chrome safari firefox android ios tablet layout style theme color font icon
modal dialog tooltip menu sidebar header footer navigation link route redirect checkout cart
order shipping tax discount coupon subscription billing plan pricing trial onboarding signup
invite member group organisation workspace board column card label filter sort pagination
calendar date timezone locale translation language currency number format validation input
field select checkbox toggle slider upload download attachment image video thumbnail preview
editor markdown comment mention reply thread chat message inbox draft archive delete restore
backup snapshot replica failover cluster node pod container image registry pipeline runner
staging production environment config secret vault certificate domain dns proxy gateway
loadbalancer firewall network bandwidth throughput benchmark profiling refactor cleanup
deprecate upgrade dependency library package version changelog roadmap milestone estimate
priority blocker regression flaky integration unit coverage lint typecheck compile bundle
minify asset font svg animation transition accessibility contrast keyboard focus screenreader
analytics funnel cohort retention churn conversion experiment variant rollout flag toggle
kubernetes terraform docker postgres redis kafka elasticsearch graphql grpc rest openapi
oauth saml sso mfa captcha ratelimit throttle quota limit overflow underflow encoding unicode
emoji parser serializer schema model controller handler middleware interceptor adapter
provider factory singleton observer reducer store selector hook component prop state effect
render hydrate ssr static dynamic edge lambda function trigger batch bulk sync async
concurrency deadlock race lock mutex transaction rollback commit isolation consistency
partition shard vacuum autovacuum bloat fragmentation compaction tombstone garbage collector
heap stack thread process signal shutdown startup healthcheck readiness liveness probe
`
  .split(/\s+/)
  .filter(Boolean);

// Glue words between terms; English stop words, so the search index drops them.
export const GLUE = ["the", "and", "for", "with", "to", "on", "in", "when", "after", "before", "from", "of"] as const;

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ra",
  "ten",
  "vo",
  "zu",
  "pre",
  "quin",
  "dor",
  "shal",
  "bri",
  "gex",
  "nym",
  "tor",
  "wex",
  "ul",
  "fan",
  "jor",
  "ply",
];

/** Long-tail words (names, codes, jargon): each rare, together common. Deterministic. */
function tailWords(count: number): string[] {
  const rng = new Rng(0x7a11);
  const seen = new Set<string>(COMMON);
  const out: string[] = [];
  while (out.length < count) {
    const w = Array.from({ length: rng.int(3, 4) }, () => rng.pick(SYLLABLES)).join("");
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

export const VOCABULARY: readonly string[] = COMMON;
export const TAIL: readonly string[] = tailWords(40_000);
