/**
 * The repository (or organisation, or pull request) a command is about: `OWNER`,
 * `OWNER/REPO` or `OWNER/REPO#N` on the command line, else the `origin` remote of the
 * working directory. Pure parsing; bad input is a message, never a throw.
 */
import { gitIn } from "./git.js";
import { repositoryFromRemote } from "./remote.js";

export interface RepositoryTarget {
  /** Lower-case, as the ledger stores it. */
  owner: string;
  /** Absent when only an organisation was named. */
  repo?: string;
  pr?: number;
}

export type TargetParse = { ok: true; target: RepositoryTarget } | { ok: false; message: string };

// GitHub logins: alphanumerics and single hyphens; repository names: alphanumerics, `.`, `_`, `-`.
const TARGET = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\/([A-Za-z0-9._-]+))?(?:#(\d+))?$/;

export function parseTarget(text: string, accepts: { pr: "no" | "optional" | "required"; repo: "optional" | "required" }): TargetParse {
  const match = TARGET.exec(text.trim());
  const shape = accepts.pr === "required" ? "OWNER/REPO#N" : accepts.repo === "required" ? "OWNER/REPO" : "OWNER or OWNER/REPO";
  if (!match || match[2] === "." || match[2] === "..") return { ok: false, message: `'${text}' is not ${shape}` };
  const [, owner, repo, pr] = match;
  if (repo === undefined && (accepts.repo === "required" || pr !== undefined)) return { ok: false, message: `'${text}' names no repository: expected ${shape}` };
  if (pr !== undefined && accepts.pr === "no") return { ok: false, message: `'${text}' names a pull request: expected ${shape}` };
  if (pr === undefined && accepts.pr === "required") return { ok: false, message: `'${text}' names no pull request: expected ${shape}` };
  const number = pr === undefined ? undefined : Number(pr);
  if (number !== undefined && (!Number.isSafeInteger(number) || number < 1)) return { ok: false, message: `'${text}': #${pr} is not a pull request number` };
  return {
    ok: true,
    target: { owner: owner.toLowerCase(), ...(repo ? { repo: repo.replace(/\.git$/, "").toLowerCase() } : {}), ...(number ? { pr: number } : {}) },
  };
}

/** OWNER/REPO of the `origin` remote of `cwd`, or a message saying how to name one. */
export async function targetFromRemote(cwd: string): Promise<TargetParse> {
  const remote = await gitIn(cwd)(["remote", "get-url", "origin"]);
  const repository = remote.ok ? repositoryFromRemote(remote.stdout.toString("utf8")) : null;
  if (!repository) return { ok: false, message: "name a repository as OWNER/REPO (no GitHub 'origin' remote here)" };
  return { ok: true, target: { owner: repository.owner.toLowerCase(), repo: repository.repo.toLowerCase() } };
}

export function describeTarget(target: RepositoryTarget): string {
  const repo = target.repo ? `${target.owner}/${target.repo}` : target.owner;
  return target.pr ? `${repo}#${target.pr}` : repo;
}
