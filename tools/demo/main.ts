/**
 * `npm run demo`: the real app server against the project's GitHub simulator on loopback —
 * no GitHub account, no network. Plays the stories in ./stories and prints, step by step,
 * what happened and the check run's verdict with its explanation. Exits 0 when every verdict
 * is the one the story expects, 1 otherwise. `--keep` leaves both servers running afterwards
 * so a person can send their own webhooks and look at the simulated GitHub as JSON.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { STATE_PATH } from "@agent-governance/github-simulator";
import { CHECKOUT, CHECKOUT_POLICY, PAYMENTS, PAYMENTS_POLICY, PEOPLE, setUpCast } from "./cast.js";
import { Narrator } from "./narrator.js";
import { startSandbox, type Sandbox } from "../sandbox/sandbox.js";
import { Stage } from "./stage.js";
import { STORIES } from "./stories/index.js";

const USAGE = `Usage: npm run demo [-- --keep]

Starts the GitHub simulator and the agent-governance server on 127.0.0.1, plays a few
pull-request stories and prints what the app decided at each step.

  --keep   keep both servers running after the stories (Ctrl-C to stop)
  --help   this text
`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const unknown = argv.filter((arg) => arg !== "--keep");
  if (unknown.length > 0) {
    process.stderr.write(`demo: unknown argument ${unknown[0]}\n\n${USAGE}`);
    return 2;
  }
  const keep = argv.includes("--keep");
  const say = new Narrator();

  say.banner("agent-governance demo");
  say.line(say.dim("The real app server (dist/src/server.js, as `npm start` runs it) against an in-memory GitHub on 127.0.0.1."));
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ launcher: "node", console: true });
  } catch (error) {
    process.stderr.write(`demo: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const stage = new Stage(sandbox, say);
  // The app runs in its own process group: Ctrl-C reaches only this process, which stops it.
  onSignal = () => void sandbox.close().finally(() => process.exit(130));
  try {
    setUpCast(sandbox.world);
    say.line(`  simulator  ${sandbox.sim.url}  (GitHub Enterprise API: /api/v3, /api/graphql)`);
    say.line(`  app        ${sandbox.app.url}  (pid ${sandbox.app.pid}, ledger: SQLite in a temporary directory)`);
    say.line();
    say.line(say.bold("People in acme"));
    for (const [login, role] of PEOPLE) say.line(`  ${login.padEnd(7)}${say.dim(role)}`);
    say.line();
    say.line(say.bold(`${PAYMENTS}/.agent-governance.yml`) + say.dim("  (stories 1–5)"));
    say.line(indent(PAYMENTS_POLICY));
    say.line(say.bold(`${CHECKOUT}/.agent-governance.yml`) + say.dim("  (story 6)"));
    say.line(indent(CHECKOUT_POLICY));

    for (const [index, story] of STORIES.entries()) {
      say.story(index + 1, story.title, story.premise);
      await story.play(stage);
    }

    const requests = sandbox.sim.requests().filter((r) => r.auth === "installation");
    const deliveries = sandbox.sim.deliveries();
    say.line();
    say.line(
      `${STORIES.length} stories · ${deliveries.length} webhooks · ${requests.length} GitHub API requests by the app ` +
        `(${(requests.length / Math.max(1, deliveries.length)).toFixed(1)} per webhook) · peak memory ${mebibytes(sandbox.app.peakRssBytes())}`,
    );
    if (stage.failures.length === 0) say.outcome(true, "every verdict is the one the story expects");
    else for (const failure of stage.failures) say.outcome(false, failure);

    if (keep) {
      showKeepInstructions(sandbox, say);
      await new Promise<void>((resolve) => (onSignal = resolve));
      say.line();
      say.line("Stopping.");
    }
  } finally {
    await sandbox.close();
  }
  return stage.failures.length === 0 ? 0 : 1;
}

let onSignal: () => void = () => process.exit(130);
process.on("SIGINT", () => onSignal());
process.on("SIGTERM", () => onSignal());

function showKeepInstructions(sandbox: Sandbox, say: Narrator): void {
  const sample = join(sandbox.dataDir, "pull_request.opened.json");
  writeFileSync(sample, JSON.stringify(sandbox.sim.payload("pull_request", "opened", { pr: { repo: PAYMENTS, number: 1 } }), null, 2));
  const secret = sandbox.webhookSecret;
  say.line();
  say.banner("Servers are still running (--keep). Ctrl-C stops them.");
  say.line(`  simulated GitHub as JSON   ${sandbox.sim.url}${STATE_PATH}`);
  say.line(`  app webhooks               ${sandbox.app.webhookUrl}`);
  say.line(`  app health / metrics       ${sandbox.app.url}/healthz   ${sandbox.app.url}/metrics`);
  if (sandbox.consoleUrl) {
    say.line(`  console                    ${sandbox.consoleUrl}/acme`);
    say.line(`  sign in as carol (senior)  ${sandbox.consoleUrl}/-/login?login=carol&next=/acme`);
  }
  say.line(`  webhook secret (this run)  ${secret}`);
  say.line(`  a sample payload           ${sample}`);
  say.line();
  say.line("Send it yourself (the signature is an HMAC-SHA256 of the body with the secret):");
  say.line(
    say.dim(
      `  body=${sample}\n` +
        `  sig=$(openssl dgst -sha256 -hmac '${secret}' < "$body" | sed 's/^.* //')\n` +
        `  curl -sS ${sandbox.app.webhookUrl} -H 'content-type: application/json' -H 'x-github-event: pull_request' \\\n` +
        `       -H "x-github-delivery: $(date +%s)" -H "x-hub-signature-256: sha256=$sig" --data-binary @"$body"`,
    ),
  );
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

function mebibytes(bytes: number | undefined): string {
  return bytes === undefined ? "unknown" : `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
