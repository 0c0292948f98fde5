// The import graph CI checks (npm run deps): no cycles anywhere, arrows only downward.
// The same layer rules run in ESLint (eslint.layers.mjs) so an editor shows them as you type.
const layer = (name, from, to, comment) => ({ name, comment, severity: "error", from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes load order matter and layers meaningless.",
      from: {},
      to: { circular: true },
    },
    layer("config-is-the-bottom", "^config/", "^(db|server|realtime|app|components|startup)/", "config/ imports nothing of ours."),
    layer("db-below-server", "^db/", "^(server|realtime|app|components|startup)/", "db/ may import only config/."),
    layer("server-below-app", "^server/", "^(app|components|realtime|startup)/", "server/ never imports what calls it."),
    layer(
      "realtime-through-server",
      "^realtime/(?!main\\.ts$)",
      "^(app|components|startup|db)/",
      "realtime/ reaches the database through server/.",
    ),
    layer("components-render", "^components/", "^(db|realtime|startup)/", "components/ never touch the database."),
    {
      name: "components-server-types-only",
      comment: "Client code imports only types from server/.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^server/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "server-framework-free",
      comment: "server/ runs in the sidecar and workers too.",
      severity: "error",
      from: { path: "^(server|db|config)/" },
      to: { path: "^node_modules/(next|react|react-dom)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^(app|components|server|db|realtime|config|startup|instrumentation\\.ts)",
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    reporterOptions: {
      archi: { collapsePattern: "^realtime/main\\.ts|^(app|components|db|realtime|config|startup)/|^server/[^/]+/|^instrumentation\\.ts" },
    },
  },
};
