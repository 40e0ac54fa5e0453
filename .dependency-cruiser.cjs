/**
 * The layering of agent-governance, checked on every CI run (`npm run lint:layers`).
 *
 *   wiring (app.ts, server.ts, settings.ts, http/)   reads the environment, connects the parts
 *     events/                                        webhook routing: which jobs an event means
 *       pipeline/                                    facts → evaluate → report → record
 *         github/ | policy/ | ledger/ | report/      the parts the pipeline composes
 *           config/, detect/, facts.ts               what they share
 *
 * A layer imports only the layers below it. The engine (policy/) is pure: it reads the policy
 * (config/), the detection (detect/) and the facts (facts.ts) and nothing else. Each `when`
 * condition and each gate declares its own key and value schema next to the code that judges
 * it, so config/ builds the `when` and `gates` parts of the policy file's schema from the
 * engine's two tables, and imports nothing else of the engine. GitHub's client
 * libraries (@octokit/*, probot) are reached only through github/ and the wiring. The product
 * (src/) never imports the GitHub simulator, the tools, the benchmarks or test code, and nothing
 * anywhere imports in a circle.
 */
const WIRING = "^src/(app|server|settings)\\.ts$|^src/http/";
const LOWER_LAYERS = "^src/(github|policy|ledger|report|config|detect)/|^src/facts\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules that import one another in a circle cannot be understood, tested or loaded one at a time.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "routing-above-pipeline",
      comment: "Webhook routing (events/) decides which jobs run and hands them to the pipeline; the pipeline and everything below it never import the router.",
      severity: "error",
      from: { path: `^src/pipeline/|${LOWER_LAYERS}` },
      to: { path: "^src/events/" },
    },
    {
      name: "pipeline-above-parts",
      comment: "github/, policy/, ledger/ and report/ are composed by the pipeline and never call back into it (or into the wiring).",
      severity: "error",
      from: { path: LOWER_LAYERS },
      to: { path: `^src/pipeline/|${WIRING}|^src/(cli|backfill)/` },
    },
    {
      name: "policy-is-pure",
      comment: "The engine imports nothing but config/, detect/ and facts.ts: no GitHub, no ledger, no rendering, no I/O.",
      severity: "error",
      from: { path: "^src/policy/" },
      to: {
        path: "^src/",
        pathNot: ["^src/(policy|config|detect)/", "^src/facts\\.ts$"],
      },
    },
    {
      name: "config-reads-only-the-engine-tables",
      comment: "The policy file's schema takes the `when` conditions and the gates from the tables that register them (each declares its key, schema and judgement in one file); config/ reaches nothing else of the engine.",
      severity: "error",
      from: { path: "^src/config/" },
      to: { path: "^src/policy/", pathNot: "^src/policy/(predicates|gates)/table\\.ts$" },
    },
    {
      name: "policy-does-no-io",
      comment: "The engine is a pure function: it reaches no file, network, process or clock through Node's built-in modules.",
      severity: "error",
      from: { path: "^src/policy/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "github-adapter-knows-no-policy",
      comment: "github/ answers questions (facts, who is in a team, what permission a login has) and writes results; the policy, the ledger and the rendering are the pipeline's business.",
      severity: "error",
      from: { path: "^src/github/" },
      to: { path: "^src/(policy|ledger|report)/" },
    },
    {
      name: "ledger-knows-no-policy",
      comment: "The ledger stores and returns track records; trust tiers and every other policy rule live in policy/.",
      severity: "error",
      from: { path: "^src/ledger/" },
      to: { path: "^src/(policy|github|report)/" },
    },
    {
      name: "report-renders-only",
      comment: "report/ renders a decision; it neither fetches (github/) nor records (ledger/).",
      severity: "error",
      from: { path: "^src/report/" },
      to: { path: "^src/(github|ledger)/" },
    },
    {
      name: "github-libraries-behind-the-adapter",
      comment: "Only github/ and the wiring import @octokit/* or probot, so error mapping, login normalisation, request counting and the test fakes exist once.",
      severity: "error",
      from: { path: "^src/", pathNot: `^src/github/|${WIRING}` },
      to: { path: "node_modules/(@octokit/[^/]+|probot)/" },
    },
    {
      name: "product-imports-no-dev-code",
      comment: "What ships (src/) never imports the GitHub simulator, the tools, the benchmarks, scripts or tests.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(packages|tools|bench|scripts|test)/" },
    },
    {
      name: "product-imports-no-dev-dependencies",
      comment: "`npm ci --omit=dev` installs only the production dependencies; src/ must run with those alone.",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "simulator-knows-no-app",
      comment: "The GitHub simulator is GitHub, not a part of the app: it imports nothing of the repository outside its package.",
      severity: "error",
      from: { path: "^packages/github-simulator/src/" },
      to: { path: "^(src|tools|bench|test|scripts)/" },
    },
  ],
  options: {
    exclude: { path: "(^|/)dist(-dev)?/" },
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports count: a layer that names another's types depends on it.
    tsPreCompilationDeps: true,
    // Workspace packages resolve to their TypeScript source, as for tsc and jest.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["source", "import", "types", "node", "default"],
      extensions: [".ts", ".js", ".json"],
      mainFields: ["module", "main", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
