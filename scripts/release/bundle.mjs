// The realtime image's programs as plain JavaScript: realtime.mjs (Socket.IO sidecar), worker.mjs
// (dispatcher, email, webhooks, reminders) and migrate.mjs (migrations once, then exit), bundled
// with their npm dependencies so the image needs no node_modules but the native addons below.
// Usage: node scripts/release/bundle.mjs OUT_DIR
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.resolve(process.argv[2] ?? path.join(root, ".release/realtime"));

// Native or WASM packages, loaded from node_modules at run time. PGlite (the embedded database) is
// never used here (these programs need DATABASE_URL), so it is left out of the image altogether.
const NATIVE = ["@node-rs/argon2"];
// supports-color: debug's optional require (in a try), installed here only as a devDependency.
const ABSENT = ["@electric-sql/pglite", "drizzle-orm/pglite", "drizzle-orm/pglite/migrator", "pg-native", "supports-color"];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { realtime: "realtime/main.ts", worker: "startup/worker-main.ts", migrate: "db/migrate.ts" },
  outdir: out,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  target: "node20",
  format: "esm",
  external: [...NATIVE, ...ABSENT],
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: 'import { createRequire as __tasklaneRequire } from "node:module"; const require = __tasklaneRequire(import.meta.url);' },
  define: { "process.env.NODE_ENV": '"production"' },
  minifySyntax: true,
  minifyWhitespace: true,
  keepNames: true,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});

// Production dependencies only: a devDependency reached from these entry points is a packaging bug.
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")).packages;
const dev = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m && lock[`node_modules/${m[1]}`]?.dev) dev.add(m[1]);
}
if (dev.size > 0) {
  console.error(`bundle: devDependencies reached from the release entry points: ${[...dev].join(", ")}`);
  process.exit(1);
}

// The native addons, with the platform package npm chose for this machine, and the migrations.
const pkg = { name: "tasklane-realtime", private: true, type: "module" };
writeFileSync(path.join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
for (const name of NATIVE) {
  const deps = [
    name,
    ...Object.keys(JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).optionalDependencies ?? {}),
  ];
  for (const dep of deps) {
    const from = path.join(root, "node_modules", dep);
    if (existsSync(from)) cpSync(from, path.join(out, "node_modules", dep), { recursive: true, dereference: true });
  }
}
cpSync(path.join(root, "db/migrations"), path.join(out, "db/migrations"), { recursive: true });
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB of JavaScript in ${path.relative(root, out) || out}`,
);
