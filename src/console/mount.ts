/**
 * Puts the console on the app's HTTP server when it is configured: the pages, and the details
 * link every check run then carries. Without its settings nothing is mounted and check runs
 * link nowhere.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GitHubClient } from "../github/client.js";
import { InstallationLookup } from "../github/installations.js";
import { cachedUserAccess, githubUserAccess } from "../github/user-access.js";
import type { GitHubUrls } from "../github/web-urls.js";
import type { PipelineContext } from "../pipeline/context.js";
import { pipelineReader } from "./pull-request-reader.js";
import { consoleHandler } from "./routes.js";
import { pullRequestPageUrl, type ConsoleSettingsResult } from "./settings.js";

/** How long GitHub's answers about a user's access are trusted. */
const ACCESS_TTL_MS = 60_000;

export interface ConsoleMount {
  configured: ConsoleSettingsResult;
  urls: GitHubUrls;
  pipeline: PipelineContext;
  /** The app's own (JWT) client and an installation's client. */
  appClient(): Promise<GitHubClient>;
  installationClient(installationId: number): Promise<GitHubClient>;
  enqueue(target: { installationId: number; owner: string; repo: string; number: number }): Promise<void>;
  addHandler(handler: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>): void;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** Returns whether the console is on. */
export function mountConsole(mount: ConsoleMount): boolean {
  const { configured, urls } = mount;
  if (!configured.enabled) {
    if (configured.partial) mount.log.warn({ reason: configured.reason }, "console is off: its settings are incomplete");
    return false;
  }
  const { pipeline } = mount;
  if (!pipeline.ledger) {
    mount.log.warn({}, "console is off: it needs the ledger");
    return false;
  }
  const settings = configured.settings;
  const installations = new InstallationLookup(mount.appClient);
  pipeline.detailsUrl = (pr, headSha) => pullRequestPageUrl(settings.publicUrl, pr, headSha);
  mount.addHandler(
    consoleHandler({
      settings,
      urls,
      reads: pipeline.ledger.reads,
      access: cachedUserAccess(githubUserAccess(urls), ACCESS_TTL_MS),
      pulls: pipelineReader(pipeline, async (owner, repo) => {
        const id = await installations.installationId(owner, repo);
        return id === null ? null : mount.installationClient(id);
      }),
      async reEvaluate(pr) {
        const installationId = await installations.installationId(pr.owner, pr.repo);
        if (installationId === null) return false;
        await mount.enqueue({ installationId, ...pr });
        return true;
      },
      now: pipeline.now,
      log: mount.log,
    }),
  );
  mount.log.info({ url: settings.publicUrl }, "console on");
  return true;
}
