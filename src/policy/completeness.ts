/**
 * Whether everything GitHub says the pull request contains was read. A commit or a file
 * beyond what was listed (GitHub stops at 3 000 files, a paged read can end early) was never
 * judged: a forbidden `*.pem` as the 3 006th file, an agent's trailer in a commit nobody read.
 * Such a pull request cannot pass, whatever the rest says.
 */
import type { PullRequestFacts } from "../facts.js";
import type { Unread } from "./decision.js";

export function unreadParts(facts: Pick<PullRequestFacts, "commits" | "files" | "labels" | "totals">): Unread[] {
  if (!facts.totals) return [];
  const unread: Unread[] = [];
  if (facts.commits.length < facts.totals.commits) unread.push({ what: "commits", read: facts.commits.length, total: facts.totals.commits });
  if (facts.files.length < facts.totals.files) unread.push({ what: "files", read: facts.files.length, total: facts.totals.files });
  const labels = facts.totals.labels ?? 0;
  if (facts.labels.length < labels) unread.push({ what: "labels", read: facts.labels.length, total: labels });
  return unread;
}
