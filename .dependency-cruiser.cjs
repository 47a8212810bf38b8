/**
 * The import graph standpoint keeps (`npm run check:imports`, part of `npm test`): the stages of
 * the data flow import downwards only, world knowledge needs no language, and a command loads what
 * it uses. Type-only imports count for cycles but not for what a command loads at start.
 */
const REST = "stances|pipeline|store|resolve|forums|server|cli|ingest|codebooks|queue|records";
/** What every verb of the CLI may import before its action runs: commander and light helpers. */
const CLI_START =
  "^src/(cli/|errors\\.ts|paths\\.ts|world/|store/target\\.ts|resolve/(dates|export-tables)\\.ts|forums/(ids|rules|summary)\\.ts|ingest/inputs\\.ts)";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "A module never depends on itself through others.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "world-stands-alone",
      comment:
        "src/world is knowledge about the world (states, bodies, offices, names): it reads data/ only.",
      severity: "error",
      from: { path: "^src/world/" },
      to: { path: "^src/", pathNot: "^src/(world/|paths\\.ts)" },
    },
    {
      name: "world-loads-no-nlp",
      comment: "World knowledge is looked up without loading a language library.",
      severity: "error",
      from: { path: "^src/world/" },
      to: { path: "node_modules/(chrono-node|compromise|wink-|linkedom|@mozilla/readability)" },
    },
    {
      name: "extract-below-everything",
      comment: "Extraction makes a document's annotations; it knows nothing of stances, stores or commands.",
      severity: "error",
      from: { path: "^src/extract/" },
      to: { path: `^src/(${REST})/` },
    },
    {
      name: "stances-read-annotations",
      comment: "Stances read extraction's annotations; the pipeline above composes both.",
      severity: "error",
      from: { path: "^src/stances/" },
      to: { path: "^src/(pipeline|store|resolve|forums|server|cli|ingest)/" },
    },
    {
      name: "store-below-extraction",
      comment: "The store keeps records (src/contract.ts); it never runs extraction or stances.",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(extract|stances|pipeline|resolve|forums|server|cli|ingest|queue)/" },
    },
    {
      name: "answers-without-extraction",
      comment: "Questions over the store (resolve, forums, server) never load extraction.",
      severity: "error",
      from: { path: "^src/(resolve|forums|server)/" },
      to: { path: "^src/(extract|stances|pipeline|ingest|cli)/" },
    },
    {
      name: "only-extracting-commands-extract",
      comment: "Of the CLI's verbs, only those that extract reach extraction and stances.",
      severity: "error",
      from: { path: "^src/cli/", pathNot: "^src/cli/(extract|ingest|reextract)\\.ts$" },
      to: { path: "^src/(extract|stances|pipeline)/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "commands-start-light",
      comment:
        "A verb imports its heavy modules inside its action, so --help and the other verbs start at once.",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/", pathNot: CLI_START, dynamic: false, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "commands-start-without-packages",
      comment: "Before its action, a verb loads commander and nothing else from node_modules.",
      severity: "error",
      from: { path: "^src/cli/" },
      to: {
        dependencyTypes: ["npm", "npm-dev"],
        pathNot: "node_modules/commander/",
        dynamic: false,
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "light-modules-stay-light",
      comment:
        "What a verb imports before its action imports nothing heavier itself (the countries' official names are required on a gazetteer's first look-up).",
      severity: "error",
      from: { path: CLI_START, pathNot: "^src/cli/" },
      to: {
        pathNot: `${CLI_START}|node_modules/i18n-iso-countries/`,
        dynamic: false,
        dependencyTypesNot: ["type-only", "core"],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
