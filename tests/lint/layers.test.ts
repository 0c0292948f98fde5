import path from "node:path";
import { ESLint } from "eslint";
import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layerRules } from "../../eslint.layers.mjs";

// The layer rules on their own (no type-aware rules), so each example is linted as if it were a
// file at `filePath`; the imported modules are real, so the resolver sees the real tree.
const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { import: importPlugin, "@typescript-eslint": tseslint.plugin },
      settings: {
        "import/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
        "import/resolver": { typescript: { alwaysTryTypes: true, project: path.join(root, "tsconfig.json") } },
      },
    },
    ...layerRules,
  ],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

describe("layer rules", () => {
  const refused: [string, string, string, RegExp][] = [
    ["config imports db", "config/example.ts", 'import { database } from "@/db/client";', /config\/ is the bottom layer/],
    ["db imports server", "db/example.ts", 'import { withTransaction } from "@/server/transaction";', /db\/ sits below server/],
    ["db imports server (relative)", "db/example.ts", 'import { withTransaction } from "../server/transaction";', /db\/ sits below server/],
    ["server imports realtime", "server/example.ts", 'import "@/realtime/auth";', /server\/ serves app/],
    ["server imports app", "server/example.ts", 'import { route } from "@/app/lib/action";', /server\/ serves app/],
    ["server imports components", "server/example.ts", 'import { initials } from "@/components/ui/initials";', /server\/ serves app/],
    ["server imports next", "server/example.ts", 'import { cookies } from "next/headers";', /no Next.js or React/],
    ["server imports react", "server/example.ts", 'import { cache } from "react";', /no Next.js or React/],
    ["realtime imports app", "realtime/example.ts", 'import { route } from "@/app/lib/action";', /realtime\/ calls server/],
    [
      "realtime imports start-up",
      "realtime/gateway.ts",
      'import { startRealtimeSidecar } from "@/startup/sidecar";',
      /realtime\/ calls server/,
    ],
    ["realtime imports db", "realtime/example.ts", 'import { events } from "@/db/schema";', /realtime\/ calls server/],
    ["components import db", "components/example.tsx", 'import { tasks } from "@/db/schema";', /call services from app/],
    [
      "components import a server value",
      "components/example.tsx",
      'import { withTransaction } from "@/server/transaction";',
      /only types from server/,
    ],
    ["app/lib imports a component", "app/lib/example.ts", 'import { initials } from "@/components/ui/initials";', /app\/lib/],
    [
      "a server action imports a page loader",
      "app/actions/example.ts",
      'import { loadShell } from "@/app/loaders/shell";',
      /Server actions are called by components/,
    ],
    ["app imports drizzle", "app/example.ts", 'import { eq } from "drizzle-orm";', /use @\/server, not the database/],
  ];

  it.each(refused)("refuses: %s", async (_name, filePath, code, expected) => {
    const found = await problems(filePath, code);
    expect(
      found.some((p) => expected.test(p)),
      found.join("\n") || "no problem reported",
    ).toBe(true);
  });

  const allowed: [string, string, string][] = [
    ["db imports config", "db/example.ts", 'import { settings } from "@/config/settings";'],
    ["server imports db", "server/example.ts", 'import { tasks } from "@/db/schema";'],
    ["app imports server", "app/example.ts", 'import { withTransaction } from "@/server/transaction";'],
    ["components call server actions", "components/example.tsx", 'import { signOutAction } from "@/app/actions/auth";'],
    ["components import server types", "components/example.tsx", 'import type { Task } from "@/server/tasks";'],
    ["the sidecar entry point imports start-up", "realtime/main.ts", 'import { startRealtimeSidecar } from "@/startup/sidecar";'],
    [
      "start-up imports realtime and server",
      "startup/example.ts",
      'import { startRealtimeServer } from "@/realtime/server";\nimport { logger } from "@/config/log";',
    ],
    [
      "realtime imports server",
      "realtime/example.ts",
      'import { logger } from "@/config/log";\nimport { createContext } from "@/server/context";',
    ],
  ];

  it.each(allowed)("allows: %s", async (_name, filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });
});
