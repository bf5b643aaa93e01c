/** DESIGN.md section 3: which folder may import which. Run by `npm run check`. */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "kernel-is-pure",
      comment: "kernel/ is vocabulary: it imports nothing else of Pulse",
      severity: "error",
      from: { path: "^src/kernel/" },
      to: { path: "^src/(?!kernel/)" },
    },
    {
      name: "platform-knows-no-features",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/features/" },
    },
    {
      name: "features-talk-through-public-files",
      comment: "a feature uses another only through its service.ts, events.ts or contract.ts",
      severity: "error",
      from: { path: "^src/features/([^/]+)/", pathNot: "(^|/)schema\\.ts$" },
      to: {
        path: "^src/features/([^/]+)/",
        pathNot: ["^src/features/$1/", "(^|/)(service|events|contract)\\.ts$"],
      },
    },
    {
      name: "schemas-reference-only-schemas",
      comment: "a schema.ts may import another feature's schema.ts, for foreign keys only",
      severity: "error",
      from: { path: "^src/features/([^/]+)/.*schema\\.ts$" },
      to: {
        path: "^src/features/([^/]+)/",
        pathNot: ["^src/features/$1/", "(^|/)schema\\.ts$"],
      },
    },
    {
      name: "web-imports-only-contracts",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^src/", pathNot: ["(^|/)contract\\.ts$", "^src/kernel/"] },
    },
    {
      name: "server-does-not-import-web",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^web/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^web/dist/|\\.test\\.ts$)" },
    tsPreCompilationDeps: true,
  },
};
