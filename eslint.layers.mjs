// Which folder may import which: arrows point down only.
//   app, startup ──▶ server ──▶ db ──▶ config        realtime ──▶ server
//   entry points (instrumentation.ts, realtime/main.ts) ──▶ startup ──▶ realtime, server
//   app pages, app/loaders ──▶ components ──▶ app/actions (server actions) ──▶ app/lib ──▶ server
//   components ──▶ server (types only)
// tests/lint/layers.test.ts holds a failing example for every rule here.

const everyLayer = ["./app", "./components", "./server", "./db", "./realtime", "./startup", "./config"];
const above = (...layers) => everyLayer.filter((l) => !layers.includes(l));

export const layerZones = [
  { target: "./config", from: above("./config"), message: "config/ is the bottom layer (settings, logging): it imports nothing of ours." },
  { target: "./db", from: above("./db", "./config"), message: "db/ sits below server/: it may import only config/." },
  {
    target: "./server",
    from: ["./app", "./components", "./realtime", "./startup"],
    message: "server/ serves app/, realtime/ and the workers: it never imports them (start-up wiring lives in startup/).",
  },
  {
    target: "./realtime/!(main).ts",
    from: ["./app", "./components", "./startup", "./db"],
    message: "realtime/ calls server/ (auth, access, events); it never imports the web app or the database.",
  },
  {
    target: "./app/lib",
    from: ["./app/actions", "./app/loaders", "./components"],
    message: "app/lib (auth, session, the action wrapper) sits under server actions and pages: it never imports them or components/.",
  },
  {
    target: "./app/actions",
    from: ["./app/loaders", "./components"],
    message: "Server actions are called by components/: they never import them or the page loaders.",
  },
  {
    target: "./components",
    from: ["./db", "./realtime", "./startup"],
    message: "components/ render what server/ returns: call services from app/, not the database.",
  },
];

const useServer = "app/ and components/ call services: use @/server, not the database.";
const serverIsFrameworkFree = "server/ runs in the sidecar, the workers and the tests too: no Next.js or React here.";
const typesOnly = "components/ import only types from server/ (values reach them as props or through server actions in app/actions).";

/** @type {import("eslint").Linter.Config[]} */
export const layerRules = [
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: layerZones }],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "drizzle-orm", message: useServer }], patterns: [{ group: ["@/db", "@/db/*"], message: useServer }] },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "drizzle-orm", message: useServer }],
          patterns: [
            { group: ["@/db", "@/db/*"], message: useServer },
            { group: ["@/server", "@/server/*"], message: typesOnly, allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ["server/**", "db/**", "config/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "react", "react-dom", "react/*", "react-dom/*"], message: serverIsFrameworkFree }] },
      ],
    },
  },
];
