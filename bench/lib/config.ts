import path from "node:path";

// The harness's own settings (it is a tool beside the app, so it reads its environment here, once).
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const RESULTS_DIR = path.join(ROOT, "bench/results");
/** Where --smoke writes its report (gitignored), so a smoke run never replaces bench/results/latest.*. */
export const SMOKE_DIR = path.join(ROOT, "test-results");

export type Scale = "10k" | "100k" | "1m";
export const SCALE_TASKS: Record<Scale, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };

export type BenchOptions = {
  scale: Scale;
  only: string[] | undefined;
  seconds: number;
  /** Rounds of an interleaved measurement (floor, app, floor, app, …); --seconds is split over them. */
  rounds: number;
  /** Every scenario once, briefly, to show that each still produces numbers (CI). */
  smoke: boolean;
  keepDatabase: boolean;
  build: boolean;
  databaseUrl: string;
  redisUrl: string;
  chromium: string;
  logLevel: string;
};

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const smoke = argv.includes("--smoke");
  const scale = (argValue(argv, "--scale") ?? "10k") as Scale;
  if (!(scale in SCALE_TASKS)) throw new Error(`--scale must be one of ${Object.keys(SCALE_TASKS).join(", ")}`);
  if (smoke && scale !== "10k") throw new Error("--smoke runs at 10k tasks only");
  const seconds = Number(argValue(argv, "--seconds") ?? (smoke ? "2" : "10"));
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) throw new Error("--seconds must be between 0 and 120");
  const rounds = Number(argValue(argv, "--rounds") ?? (smoke ? "2" : "3"));
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error("--rounds must be a whole number from 1 to 20");
  return {
    scale,
    only: argValue(argv, "--only")?.split(","),
    seconds,
    rounds,
    smoke,
    keepDatabase: argv.includes("--keep-db"),
    build: !argv.includes("--no-build"),
    databaseUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    redisUrl: env.REDIS_URL || "redis://127.0.0.1:6379",
    chromium: env.CHROMIUM_PATH || "/usr/bin/chromium",
    logLevel: env.BENCH_LOG_LEVEL || "info",
  };
}

export const USAGE = `npm run bench -- [--scale 10k|100k|1m] [--only floors,search,board,route,pagination,analytics,create,update,comment,fanout,memory,browser,custom-fields] [--seconds 10] [--rounds 3] [--keep-db] [--no-build]
npm run bench -- --smoke [--no-build]   every scenario at 10k tasks, 2 s per side, 2 rounds; fails when an available scenario gives no numbers; writes test-results/bench-smoke.{json,md}`;
