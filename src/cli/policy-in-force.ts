/**
 * Which policy's autonomy settings the ledger readers use: a file named with `--policy`, else
 * the repository's policy in force read through the API when credentials are set, else none
 * (the readers then show counts without tiers and say why).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { resolvePolicy } from "../config/load.js";
import type { LoadedPolicy } from "../config/policy.js";
import type { CliIo } from "./command.js";
import { hasCredentials, openGitHubClient } from "../github/cli-client.js";
import { cliEnv } from "./ledger-env.js";
import { policyBlobFromBytes } from "./policy-blob.js";
import { readPolicyBlobs } from "../github/policy-file.js";
import type { RepositoryTarget } from "./repository-target.js";

export type PolicyLookup =
  | { kind: "loaded"; loaded: LoadedPolicy }
  | { kind: "none"; message: string }
  | { kind: "error"; message: string };

export const POLICY_NEEDED = "tiers need the policy: pass --policy FILE or set GITHUB_TOKEN";

export async function policyInForce(io: CliIo, target: RepositoryTarget, file: string | undefined): Promise<PolicyLookup> {
  if (file !== undefined) {
    try {
      const bytes = await readFile(resolve(io.cwd, file));
      return { kind: "loaded", loaded: resolvePolicy({ repository: policyBlobFromBytes(file, bytes), organization: null }) };
    } catch (error) {
      return { kind: "error", message: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }
  const env = cliEnv(io);
  if (!hasCredentials(env)) return { kind: "none", message: POLICY_NEEDED };
  const client = await openGitHubClient(env, target);
  if (!client.ok) return { kind: "error", message: client.message };
  try {
    return { kind: "loaded", loaded: resolvePolicy(await readPolicyBlobs(client.octokit, target.owner, target.repo)) };
  } catch (error) {
    return { kind: "error", message: `cannot read the policy from GitHub: ${error instanceof Error ? error.message : String(error)}` };
  }
}
