/**
 * AI detection (SPEC §3): which signals fire on each commit and on the pull request, with
 * their strength. Pure and synchronous; never throws for odd input. Patterns are compiled at
 * module load (catalogue) or once per policy object (detection-config.ts).
 *
 * A signal is always an exact identity, trailer, footer, link or branch from the catalogue or
 * the policy — never a bare word: "Fix Copilot keybinding" or an author called Devin is not AI.
 */
import type { Detection as DetectionConfig } from "../config/policy.js";
import type { Actor, CommitFacts, GitIdentity, PullRequestFacts } from "../facts.js";
import { aiNamedBy, isNegative, UNKNOWN_AI } from "./ai-names.js";
import { compileDetection, type CompiledDetection } from "./detection-config.js";
import { agentForActor, agentForGitIdentity, type AgentMatch } from "./identity.js";
import { normalizeLogin } from "./login.js";
import { branchMark, footerMark, linkHits, nameSuffixMark, subjectPrefixMark, TRAILER_MARKS } from "./marks.js";
import { formatIdentity, messageLines, parseIdentity, trailersOfLines, type Trailer } from "./trailers.js";
import type { CommitDetection, Detection, Signal, SignalKind, SignalStrength } from "./types.js";

export { DEFAULT_DETECTION } from "./detection-config.js";

const MAX_DETAIL = 200;

/**
 * Signals of one subject, without repeats. `same` says what counts as a repeat: a squash
 * body repeats `Agent-Logs-Url:` once per squashed commit and the co-author in two casings,
 * and one line per mark is what a reviewer needs to see.
 */
class SignalList {
  readonly signals: Signal[] = [];
  private readonly seen = new Set<string>();

  add(kind: SignalKind, agent: string, strength: SignalStrength, detail: string, same = detail): void {
    const key = `${kind}\u0000${agent}\u0000${same.toLowerCase()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const text = detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail;
    this.signals.push({ kind, agent, strength, detail: text });
  }

  mentions(agent: string, text: string): boolean {
    return this.signals.some((s) => s.agent === agent && s.detail.includes(text));
  }

  has(kind: SignalKind, agent: string): boolean {
    return this.signals.some((s) => s.kind === kind && s.agent === agent);
  }
}

function withVariant(detail: string, variant: string | undefined): string {
  return variant ? `${detail} [${variant}]` : detail;
}

function distinctAgents(signals: readonly Signal[]): string[] {
  return [...new Set(signals.map((s) => s.agent))].sort();
}

export function detectCommit(commit: CommitFacts, config: DetectionConfig): CommitDetection {
  const compiled = compileDetection(config);
  const list = new SignalList();
  identitySignals(list, "commit-author", "author", commit.author, compiled);
  identitySignals(list, "committer", "committer", commit.committer, compiled);
  const message = typeof commit.message === "string" ? commit.message : "";
  const lines = messageLines(message);
  subjectSignals(list, lines[0] ?? "", compiled);
  for (const trailer of trailersOfLines(lines)) trailerSignals(list, trailer, compiled);
  if (compiled.catalog) {
    for (const line of lines) {
      const footer = footerMark(line);
      if (footer) list.add("footer", footer.agent, "assisted", withVariant(line.trim(), footer.variant));
    }
    for (const link of linkHits(message)) {
      // A `Claude-Session: <url>` trailer already showed this link.
      if (!list.mentions(link.agent, link.url)) list.add("footer", link.agent, "assisted", withVariant(link.url, link.variant));
    }
  }
  return { sha: commit.sha, aiAssisted: list.signals.length > 0, agents: distinctAgents(list.signals), signals: list.signals };
}

/** `appLabel` is the label the app itself applies: never a signal. */
export function detectPullRequest(
  facts: Pick<PullRequestFacts, "author" | "commits" | "reviews" | "labels" | "headRef">,
  config: DetectionConfig,
  appLabel: string | false,
): Detection {
  const compiled = compileDetection(config);
  const commits = (facts.commits ?? []).map((commit) => detectCommit(commit, config));
  const list = new SignalList();
  const author = facts.author ? agentForActor(facts.author, compiled.identity) : null;
  if (author) list.add("pr-author", author.agent, "agent-written", withVariant(`opened by @${facts.author.login}`, author.variant));
  for (const review of facts.reviews ?? []) {
    const reviewer = review.author ? agentForActor(review.author, compiled.identity) : null;
    if (reviewer && !list.has("reviewer", reviewer.agent)) {
      list.add("reviewer", reviewer.agent, "agent-written", withVariant(`review by @${review.author.login}`, reviewer.variant));
    }
  }
  labelSignals(list, facts.labels ?? [], compiled, appLabel);
  if (typeof facts.headRef === "string" && facts.headRef !== "") branchSignals(list, facts.headRef, `head branch ${facts.headRef}`, compiled);
  const all = [...list.signals, ...commits.flatMap((c) => c.signals)];
  return {
    aiAssisted: all.length > 0,
    agents: distinctAgents(all),
    pullRequestSignals: list.signals,
    commits,
    agentAccounts: agentAccounts(facts, compiled),
    agentSignOffs: (facts.commits ?? [])
      .map((commit) => ({ sha: commit.sha, signals: agentSignOffs(commit, config) }))
      .filter((commit) => commit.signals.length > 0),
  };
}

/** Which reviewers and label appliers are agents, each login asked once. */
function agentAccounts(facts: Pick<PullRequestFacts, "reviews" | "labels">, compiled: CompiledDetection): Record<string, string> {
  const accounts: Record<string, string> = {};
  const seen = new Set<string>();
  const actors = [...(facts.reviews ?? []).map((review) => review.author), ...(facts.labels ?? []).map((label) => label?.appliedBy)];
  for (const actor of actors) {
    if (!actor || typeof actor.login !== "string") continue;
    const login = normalizeLogin(actor.login);
    if (seen.has(login)) continue;
    seen.add(login);
    const agent = agentForActor(actor, compiled.identity);
    if (agent) accounts[login] = agent.agent;
  }
  return accounts;
}

/**
 * The Signed-off-by lines of a commit that name an agent (for the `forbid_agent_signoff`
 * gate: the kernel's rule that AI agents must not sign off).
 */
export function agentSignOffs(commit: CommitFacts, config: DetectionConfig): Signal[] {
  const compiled = compileDetection(config);
  const list = new SignalList();
  for (const trailer of trailersOfLines(messageLines(commit.message ?? ""))) {
    if (trailer.key === "signed-off-by") trailerSignals(list, trailer, compiled);
  }
  return list.signals;
}

function identitySignals(list: SignalList, kind: SignalKind, role: string, identity: GitIdentity | undefined, compiled: CompiledDetection): void {
  if (!identity) return;
  const name = typeof identity.name === "string" ? identity.name : "";
  const email = typeof identity.email === "string" ? identity.email : "";
  const byEmail = agentForGitIdentity(name, email, compiled.identity);
  if (byEmail) list.add(kind, byEmail.agent, "agent-written", withVariant(`${role} ${name} <${email}>`, byEmail.variant));
  const byAccount = identity.user ? agentForActor(identity.user, compiled.identity) : null;
  if (byAccount && !list.has(kind, byAccount.agent)) {
    list.add(kind, byAccount.agent, "agent-written", withVariant(`${role} @${identity.user?.login ?? ""}`, byAccount.variant));
  }
  // Aider renames the author ("Paul Gauthier (aider)"); the committer-only suffix means aider
  // committed the person's own edits, so only the author counts.
  if (kind === "commit-author" && compiled.catalog) {
    const suffix = nameSuffixMark(name);
    if (suffix) list.add("aider", suffix.agent, "assisted", `author name "${name}"`);
  }
}

function subjectSignals(list: SignalList, subject: string, compiled: CompiledDetection): void {
  if (compiled.catalog) {
    const prefix = subjectPrefixMark(subject);
    if (prefix) list.add("aider", prefix.agent, "assisted", `subject starts with "${prefix.prefix}"`);
  }
  // A merge commit carries no trailers, but its subject names the merged head branch.
  const branch = mergedBranch(subject);
  if (branch) branchSignals(list, branch, `merged branch ${branch}`, compiled);
}

const MERGE_PULL_REQUEST = /^Merge pull request #\d+ from [^\s/]+\/(\S+)/;
const MERGE_BRANCH = /^Merge branch '([^']+)'/;

function mergedBranch(subject: string): string | null {
  return MERGE_PULL_REQUEST.exec(subject)?.[1] ?? MERGE_BRANCH.exec(subject)?.[1] ?? null;
}

function branchSignals(list: SignalList, branch: string, detail: string, compiled: CompiledDetection): void {
  const mark = compiled.catalog ? branchMark(branch) : null;
  if (mark) list.add("branch", mark.agent, "declared", detail);
  for (const glob of compiled.branches) {
    if (glob.matches(branch)) list.add("branch", mark?.agent ?? UNKNOWN_AI, "declared", `${detail} (matches ${glob.pattern})`);
  }
}

function trailerSignals(list: SignalList, trailer: Trailer, compiled: CompiledDetection): void {
  const line = `${trailer.rawKey}: ${trailer.value}`;
  let found = false;
  if (compiled.catalog) {
    for (const mark of TRAILER_MARKS.get(trailer.key) ?? []) {
      if (mark.value && !mark.value.test(trailer.value)) continue;
      // Session trailers repeat per squashed commit: one per key is enough.
      const same = mark.kind === "session-trailer" ? trailer.key : line;
      list.add(mark.kind, mark.agent, "assisted", withVariant(line, mark.variant), same);
      found = true;
    }
  }
  if (found) return;
  if (trailer.key === "co-authored-by") {
    coAuthorSignals(list, trailer, line, compiled);
    return;
  }
  const identity = parseIdentity(trailer.value);
  const configured = compiled.trailerKeys.get(trailer.key);
  if (!configured && trailer.key !== "signed-off-by") return;
  const agent: AgentMatch | null = agentForGitIdentity(identity.name, identity.email, compiled.identity);
  if (agent) {
    list.add("trailer", agent.agent, "assisted", withVariant(line, agent.variant));
    return;
  }
  const named = aiNamedBy(trailer.value);
  if (named) {
    list.add("trailer", named.agent, "assisted", line);
  } else if (configured?.keyNamesAi && trailer.value !== "" && !isNegative(trailer.value)) {
    list.add("trailer", UNKNOWN_AI, "assisted", line);
  }
}

function coAuthorSignals(list: SignalList, trailer: Trailer, line: string, compiled: CompiledDetection): void {
  const identity = parseIdentity(trailer.value);
  const agent = agentForGitIdentity(identity.name, identity.email, compiled.identity);
  if (agent) {
    list.add("co-author", agent.agent, "assisted", withVariant(line, agent.variant), formatIdentity(identity));
    return;
  }
  if (compiled.coAuthors.length === 0) return;
  const written = formatIdentity(identity);
  for (const glob of compiled.coAuthors) {
    if (glob.matches(written)) {
      list.add("co-author", glob.pattern, "assisted", `${line} (matches ${glob.pattern})`);
      return;
    }
  }
}

function labelSignals(list: SignalList, labels: PullRequestFacts["labels"], compiled: CompiledDetection, appLabel: string | false): void {
  const own = typeof appLabel === "string" ? appLabel.trim().toLowerCase() : null;
  for (const label of labels) {
    const name = typeof label?.name === "string" ? label.name.trim().toLowerCase() : "";
    if (!compiled.labels.has(name)) continue;
    // The app's own label is its output. A person applying that same name is a declaration;
    // an unknown or bot applier may be the app itself.
    if (name === own && !appliedByPerson(label.appliedBy)) continue;
    const by = label.appliedBy ? ` by @${label.appliedBy.login}` : "";
    list.add("label", UNKNOWN_AI, "declared", `label ${label.name}${by}`);
  }
}

function appliedByPerson(actor: Actor | null): boolean {
  return actor !== null && !actor.isBot;
}
