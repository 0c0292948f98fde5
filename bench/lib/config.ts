import path from "node:path";

// The harness's own settings (it is a tool beside the app, so it reads its environment here, once).
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const RESULTS_DIR = path.join(ROOT, "bench/results");

export type Scale = "10k" | "100k" | "1m";
export const SCALE_TASKS: Record<Scale, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };

export type BenchOptions = {
  scale: Scale;
  only: string[] | undefined;
  seconds: number;
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
  const scale = (argValue(argv, "--scale") ?? "10k") as Scale;
  if (!(scale in SCALE_TASKS)) throw new Error(`--scale must be one of ${Object.keys(SCALE_TASKS).join(", ")}`);
  const seconds = Number(argValue(argv, "--seconds") ?? "10");
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) throw new Error("--seconds must be between 0 and 120");
  return {
    scale,
    only: argValue(argv, "--only")?.split(","),
    seconds,
    keepDatabase: argv.includes("--keep-db"),
    build: !argv.includes("--no-build"),
    databaseUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    redisUrl: env.REDIS_URL || "redis://127.0.0.1:6379",
    chromium: env.CHROMIUM_PATH || "/usr/bin/chromium",
    logLevel: env.BENCH_LOG_LEVEL || "info",
  };
}

export const USAGE = `npm run bench -- [--scale 10k|100k|1m] [--only floors,search,board,pagination,analytics,create,fanout,memory,browser] [--seconds 10] [--keep-db] [--no-build]`;
