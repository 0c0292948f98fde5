// `npm run deps`: the import graph CI checks. Fails on any rule of .dependency-cruiser.cjs
// (file cycles, upward imports) and on folders that import each other (server/auth ⇄ server/users),
// which file-level cycle detection cannot see; prints the folder-level graph for the log.
// A folder's schemas.ts (zod shapes, no verbs) is its own node: the event catalog and the
// operations describe payloads with them while the verbs below record those events.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "node_modules/.bin/depcruise");
const config = ["--config", ".dependency-cruiser.cjs"];
const folders =
  "^realtime/main\\.ts|^app/(actions|lib)/|^(app|components|db|realtime|config|startup|bench|scripts)/|^server/[^/]+/schemas\\.ts|^server/[^/]+/";

function depcruise(args) {
  const run = spawnSync(bin, [".", ...config, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return run;
}

const rules = depcruise(["--output-type", "err"]);
process.stdout.write(rules.stdout);
let failed = rules.status !== 0;

const graph = JSON.parse(depcruise(["--collapse", folders, "--output-type", "json"]).stdout);
const edges = new Map();
for (const m of graph.modules) {
  const folderOf = (node) => node.replace(/schemas\.ts$/, "");
  const to = new Set(
    m.dependencies.map((d) => d.resolved).filter((r) => folderOf(r) !== folderOf(m.source) && graph.modules.some((n) => n.source === r)),
  );
  edges.set(m.source, [...to].sort());
}

// Tarjan's strongly connected components: any component of two or more folders is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
const cycles = [];
function visit(v) {
  meta.set(v, { index, low: index, onStack: true });
  index += 1;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!meta.has(w)) {
      visit(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!meta.has(v)) visit(v);

for (const c of cycles) {
  failed = true;
  console.log(`  error folder-cycle: ${c.join(" ⇄ ")} import each other`);
}

const lines = [...edges].flatMap(([from, to]) => to.map((t) => `  ${JSON.stringify(from)} --> ${JSON.stringify(t)}`));
mkdirSync(path.join(root, "test-results"), { recursive: true });
writeFileSync(path.join(root, "test-results/import-graph.mmd"), `flowchart TD\n${lines.join("\n")}\n`);
console.log(`Folder graph (${edges.size} folders, ${lines.length} arrows) in test-results/import-graph.mmd`);
for (const [from, to] of edges) if (to.length) console.log(`  ${from} → ${to.join(", ")}`);
console.log(failed ? "Import graph: FAILED" : "Import graph: arrows point down only, no cycles");
process.exit(failed ? 1 : 0);
