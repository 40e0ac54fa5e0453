/**
 * The organisation default as `check` can know it. The app reads it from the owner's `.github`
 * repository; locally that takes credentials, so without them it is "not read", never "none":
 * `check` must not claim that an organisation has no default it never asked about.
 */
import { checkPolicyFile } from "../config/validate.js";
import type { PolicyBlob } from "../config/policy.js";
import type { OrganizationDefault } from "../report/local-check.js";
import type { CliIo } from "./command.js";
import { hasCredentials, openGitHubClient } from "../github/cli-client.js";
import { cliEnv } from "./ledger-env.js";
import { readPolicyBlobs } from "../github/policy-file.js";
import { targetFromRemote } from "./repository-target.js";


/** The organisation default decides the outcome when the base has no policy file or its file extends it. */
export function needsOrganizationDefault(basePolicy: PolicyBlob | null): boolean {
  if (basePolicy === null) return true;
  return checkPolicyFile(basePolicy, { role: "repository", references: false }).document?.data.extends === "org";
}

export async function readOrganizationDefault(io: CliIo): Promise<OrganizationDefault> {
  const origin = await targetFromRemote(io.cwd);
  if (!origin.ok) return { read: false, why: "no GitHub 'origin' remote names the organisation" };
  const env = cliEnv(io);
  if (!hasCredentials(env)) return { read: false, why: "set GITHUB_TOKEN to read it" };
  const client = await openGitHubClient(env, origin.target);
  if (!client.ok) return { read: false, why: client.message };
  try {
    const { organization } = await readPolicyBlobs(client.octokit, origin.target.owner, undefined);
    return { read: true, blob: organization };
  } catch (error) {
    return { read: false, why: `GitHub: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * What stands in for a default that was not read: one that adds nothing to the repository's
 * file (`version: 1` is the built-in default), named so that the output says it was not read.
 */
export function unreadOrganizationDefault(why: string): PolicyBlob {
  return { path: `the organisation default (not read: ${why})`, text: "version: 1\n", byteSize: 11, oid: "" };
}
