/**
 * AI detection: which signals fire on each commit and on the pull request (its author,
 * reviewers, labels, branch and description), each with the rule that raised it and that
 * rule's confidence. Pure and synchronous; never throws for odd input. Patterns are compiled
 * at module load (catalogue, rules) or once per policy object (detection-config.ts).
 *
 * A bare word is never a signal: "Fix Copilot keybinding", an author called Devin, a person
 * at an AI vendor or `Assisted-by: <a person>` are not AI. Text is normalised first
 * (normalise.ts) so look-alike characters cannot hide a mark.
 */
import type { Detection as DetectionConfig } from "../config/detection.js";
import type { Actor, CommitFacts, GitIdentity, PullRequestFacts } from "../facts.js";
import { aiNamedBy, aiNamedIdentity, isAffirmative, isNegative, keyNamesAi, UNKNOWN_AI } from "./ai-names.js";
import { compileDetection, type CompiledDetection } from "./detection-config.js";
import { agentForActor, agentForGitIdentity, isNotAi, type AgentMatch } from "./identity.js";
import { normalizeActor, normalizeLogin, parseNoreplyEmail } from "./login.js";
import { branchMark, footerMark, linkHits, nameSuffixMark, subjectPrefixMark, TRAILER_MARKS } from "./marks.js";
import { normaliseText } from "./normalise.js";
import { classifyBot } from "./rules/bot-account.js";
import { generatedFooter } from "./rules/generated-footer.js";
import { classifyAddress } from "./rules/machine-address.js";
import { RULES, type RuleName } from "./rules/table.js";
import { disclosureValueFits, isDisclosureKey, sessionKey } from "./rules/trailer-keys.js";
import { formatIdentity, messageLines, parseIdentity, trailersOfLines, type Trailer } from "./trailers.js";
import type { CommitDetection, Confidence, Detection, Signal, SignalKind, SignalStrength } from "./types.js";

export { DEFAULT_DETECTION } from "./detection-config.js";

const MAX_DETAIL = 200;

interface RaisedSignal {
  kind: SignalKind;
  agent: string;
  strength: SignalStrength;
  rule: RuleName;
  detail: string;
  /** Overrides the rule's confidence (an escaped trailer keeps the confidence of what it carries). */
  confidence?: Confidence;
  /** Whether the policy counts it, before `detection.count` (unknown bots, ignored reviewers). */
  countable?: boolean;
}

/**
 * Signals of one subject, without repeats. `same` says what counts as a repeat: a squash
 * body repeats `Agent-Logs-Url:` once per squashed commit and the co-author in two casings,
 * and one line per mark is what a reviewer needs to see.
 */
class SignalList {
  readonly signals: Signal[] = [];
  private readonly seen = new Set<string>();
  /** Set while reading an escaped trailer: every signal it raises names that rule. */
  escaped = false;

  constructor(private readonly compiled: CompiledDetection) {}

  add(raised: RaisedSignal, same = raised.detail): void {
    const key = `${raised.kind}\u0000${raised.agent}\u0000${same.toLowerCase()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const confidence = raised.confidence ?? RULES[raised.rule].confidence;
    const rule: RuleName = this.escaped ? "escaped-trailer" : raised.rule;
    const text = raised.detail.length > MAX_DETAIL ? `${raised.detail.slice(0, MAX_DETAIL - 1)}…` : raised.detail;
    const counted = raised.countable !== false && this.compiled.count.has(confidence);
    this.signals.push({ kind: raised.kind, agent: raised.agent, strength: raised.strength, confidence, rule, detail: text, counted });
  }

  /** A signal already judged for this policy (from the identity memo). */
  addJudged(signal: Signal): void {
    const key = `${signal.kind}\u0000${signal.agent}\u0000${signal.detail.toLowerCase()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.signals.push(signal);
  }

  mentions(agent: string, text: string): boolean {
    return this.signals.some((s) => s.agent === agent && s.detail.includes(text));
  }

  has(kind: SignalKind, agent: string): boolean {
    return this.signals.some((s) => s.kind === kind && s.agent === agent);
  }

  /** Any signal of this kind already (an identity already explained, no structural guess needed). */
  hasKind(kind: SignalKind): boolean {
    return this.signals.some((s) => s.kind === kind);
  }
}

function withVariant(detail: string, variant: string | undefined): string {
  return variant ? `${detail} [${variant}]` : detail;
}

function countedAgents(signals: readonly Signal[]): string[] {
  return [...new Set(signals.filter((s) => s.counted).map((s) => s.agent))].sort();
}

export function detectCommit(commit: CommitFacts, config: DetectionConfig): CommitDetection {
  return judgeCommit(commit, compileDetection(config)).detection;
}

/** One commit's signals, and among them its Signed-off-by lines that name an agent (read once). */
function judgeCommit(commit: CommitFacts, compiled: CompiledDetection): { detection: CommitDetection; signOffs: Signal[] } {
  const list = new SignalList(compiled);
  const signOffs: Signal[] = [];
  identitySignals(list, "commit-author", "author", commit.author, compiled);
  identitySignals(list, "committer", "committer", commit.committer, compiled);
  for (const coAuthor of commit.coAuthors ?? []) resolvedCoAuthorSignals(list, coAuthor, compiled);
  const message = normaliseText(typeof commit.message === "string" ? commit.message : "");
  const lines = messageLines(message);
  subjectSignals(list, lines[0] ?? "", message, compiled);
  messageSignals(list, message, lines, compiled, "message", signOffs);
  const detection = { sha: commit.sha, aiAssisted: list.signals.some((s) => s.counted), agents: countedAgents(list.signals), signals: list.signals };
  return { detection, signOffs };
}

/** Trailers, footers and links of a commit message or a pull request's description. */
function messageSignals(list: SignalList, message: string, lines: string[], compiled: CompiledDetection, where: "message" | "description", signOffs?: Signal[]): void {
  for (const trailer of trailersOfLines(lines)) {
    if (signOffs && trailer.key === "signed-off-by") {
      const own = new SignalList(compiled);
      trailerSignals(own, trailer, compiled);
      for (const signal of own.signals) {
        signOffs.push(signal);
        list.addJudged(signal);
      }
    } else {
      trailerSignals(list, trailer, compiled);
    }
  }
  // "…subject\n\nCo-authored-by: …" written with literal backslash escapes into one line.
  for (const line of lines) {
    if (!line.includes("\\n")) continue;
    list.escaped = true;
    for (const trailer of trailersOfLines(line.split(/\\r\\n|\\n/).slice(1))) trailerSignals(list, trailer, compiled);
    list.escaped = false;
  }
  const footerKind: SignalKind = where === "description" ? "description" : "footer";
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    const footer = compiled.catalog ? footerMark(line) : null;
    if (footer) {
      list.add({ kind: footerKind, agent: footer.agent, strength: "assisted", rule: "catalogue-footer", detail: withVariant(trimmed, footer.variant) });
      continue;
    }
    const generated = compiled.catalog ? generatedFooter(trimmed) : null;
    if (generated) list.add({ kind: footerKind, agent: generated.agent, strength: "assisted", rule: "generated-footer", detail: trimmed });
  }
  if (compiled.catalog) {
    for (const link of linkHits(message)) {
      // A `Claude-Session: <url>` trailer already showed this link.
      if (!list.mentions(link.agent, link.url)) {
        list.add({ kind: footerKind, agent: link.agent, strength: "assisted", rule: "catalogue-link", detail: withVariant(link.url, link.variant) });
      }
    }
  }
}

type PullRequestInput = Pick<PullRequestFacts, "author" | "commits" | "reviews" | "labels" | "headRef"> & Partial<Pick<PullRequestFacts, "body" | "pushers">>;

/** `appLabel` is the label the app itself applies: never a signal. */
export function detectPullRequest(facts: PullRequestInput, config: DetectionConfig, appLabel: string | false): Detection {
  const compiled = compileDetection(config);
  const judged = (facts.commits ?? []).map((commit) => judgeCommit(commit, compiled));
  const commits = judged.map((entry) => entry.detection);
  const list = new SignalList(compiled);
  if (facts.author) accountSignals(list, "pr-author", facts.author, `opened by @${facts.author.login}`, compiled);
  for (const pusher of facts.pushers ?? []) accountSignals(list, "pusher", pusher, `pushed by @${pusher.login}`, compiled);
  for (const review of facts.reviews ?? []) {
    if (!review.author) continue;
    const reviewer = agentForActor(review.author, compiled.identity);
    const detail = `review by @${review.author.login}`;
    const countable = compiled.reviewers === "ai";
    if (reviewer) {
      if (!list.has("reviewer", reviewer.agent)) {
        list.add({ kind: "reviewer", agent: reviewer.agent, strength: "agent-written", rule: "reviewer", detail: withVariant(detail, reviewer.variant), countable });
      }
    } else if (compiled.catalog && review.author.isBot && !isNotAi(review.author, compiled.identity) && classifyBot(review.author.login).kind === "ai") {
      list.add({ kind: "reviewer", agent: review.author.login, strength: "agent-written", rule: "reviewer", detail, countable });
    }
  }
  labelSignals(list, facts.labels ?? [], compiled, appLabel);
  if (typeof facts.headRef === "string" && facts.headRef !== "") branchSignals(list, facts.headRef, `head branch ${facts.headRef}`, compiled);
  if (typeof facts.body === "string" && facts.body.trim() !== "") {
    const body = descriptionText(normaliseText(facts.body));
    messageSignals(list, body, messageLines(body), compiled, "description");
  }
  const all = [...list.signals, ...commits.flatMap((c) => c.signals)];
  return {
    aiAssisted: all.some((s) => s.counted),
    agents: countedAgents(all),
    pullRequestSignals: list.signals,
    commits,
    agentAccounts: agentAccounts(facts, compiled),
    agentSignOffs: judged.filter((entry) => entry.signOffs.length > 0).map((entry) => ({ sha: entry.detection.sha, signals: entry.signOffs })),
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
 * What a description says in its own words: HTML comments (template instructions) and fenced
 * code (quoted logs, commit messages of other projects) are not the author's declaration.
 */
function descriptionText(body: string): string {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, "").replace(/^(```|~~~)[\s\S]*?(?:^\1|$(?![\s\S]))/gm, "");
}

/**
 * The Signed-off-by lines of a commit that name an agent (for the `forbid_agent_signoff`
 * gate: the kernel's rule that AI agents must not sign off).
 */
export function agentSignOffs(commit: CommitFacts, config: DetectionConfig): Signal[] {
  return judgeCommit(commit, compileDetection(config)).signOffs;
}

/** A GitHub account: catalogued or configured agent, an App named like an AI, or an unknown App. */
function accountSignals(list: SignalList, kind: SignalKind, actor: Actor, detail: string, compiled: CompiledDetection): void {
  const strength: SignalStrength = kind === "co-author" ? "assisted" : "agent-written";
  const agent = agentForActor(actor, compiled.identity);
  if (agent) {
    if (!list.has(kind, agent.agent)) list.add({ kind, agent: agent.agent, strength, rule: "catalogue-identity", detail: withVariant(detail, agent.variant) });
    return;
  }
  if (!compiled.catalog || !actor.isBot || isNotAi(actor, compiled.identity)) return;
  const bot = classifyBot(actor.login);
  if (bot.kind === "ai") list.add({ kind, agent: actor.login, strength, rule: "ai-bot-account", detail: `${detail} (an App named like an AI: "${bot.word}")` });
  else if (bot.kind === "unknown" && compiled.unknownBots !== "ignore") {
    list.add({ kind, agent: actor.login, strength, rule: "unknown-bot", detail: `${detail} (unknown automation)`, countable: compiled.unknownBots === "ai" });
  }
}

/**
 * Identities repeat across a pull request's commits (one author, the web-flow committer):
 * their signals are judged once per policy and replayed. Bounded: cleared when full.
 */
const identityMemo = new WeakMap<CompiledDetection, Map<string, Signal[]>>();
const IDENTITY_MEMO_LIMIT = 5000;

function identitySignals(list: SignalList, kind: SignalKind, role: string, identity: GitIdentity | undefined, compiled: CompiledDetection): void {
  if (!identity) return;
  let memo = identityMemo.get(compiled);
  if (!memo) identityMemo.set(compiled, (memo = new Map()));
  const user = identity.user;
  const key = `${kind}\u0000${identity.name}\u0000${identity.email}\u0000${user ? `${user.login}\u0000${user.id ?? ""}\u0000${user.isBot}` : ""}`;
  let signals = memo.get(key);
  if (!signals) {
    const own = new SignalList(compiled);
    judgeIdentity(own, kind, role, identity, compiled);
    signals = own.signals;
    if (memo.size >= IDENTITY_MEMO_LIMIT) memo.clear();
    memo.set(key, signals);
  }
  for (const signal of signals) list.addJudged(signal);
}

function judgeIdentity(list: SignalList, kind: SignalKind, role: string, identity: GitIdentity, compiled: CompiledDetection): void {
  const name = normaliseText(typeof identity.name === "string" ? identity.name : "");
  const email = normaliseText(typeof identity.email === "string" ? identity.email : "");
  const byEmail = agentForGitIdentity(name, email, compiled.identity);
  if (byEmail) list.add({ kind, agent: byEmail.agent, strength: "agent-written", rule: "catalogue-identity", detail: withVariant(`${role} ${name} <${email}>`, byEmail.variant) });
  if (identity.user) accountSignals(list, kind, identity.user, `${role} @${identity.user.login}`, compiled);
  else if (!byEmail) noreplyAccountSignals(list, kind, `${role} ${name} <${email}>`, email, compiled);
  if (compiled.catalog && !list.hasKind(kind)) structuralIdentitySignals(list, kind, `${role} ${name} <${email}>`, name, email);
  // Aider renames the author ("Paul Gauthier (aider)"); the committer-only suffix means aider
  // committed the person's own edits, so only the author counts.
  if (kind === "commit-author" && compiled.catalog) {
    const suffix = nameSuffixMark(name);
    if (suffix) list.add({ kind: "aider", agent: suffix.agent, strength: "assisted", rule: "aider-convention", detail: `author name "${name}"` });
  }
}

/** `…+name[bot]@users.noreply.github.com` with no resolved account: the App named in it. */
function noreplyAccountSignals(list: SignalList, kind: SignalKind, detail: string, email: string, compiled: CompiledDetection): void {
  const noreply = parseNoreplyEmail(email);
  if (noreply && /\[bot\]$/i.test(noreply.login)) accountSignals(list, kind, normalizeActor(noreply.login, noreply.id), detail, compiled);
}

/** Names and addresses nobody catalogued: "Gemini <gemini@google.com>", `oz-agent@warp.dev`. */
function structuralIdentitySignals(list: SignalList, kind: SignalKind, detail: string, name: string, email: string): void {
  if (parseNoreplyEmail(email)) return;
  const strength: SignalStrength = kind === "co-author" ? "assisted" : "agent-written";
  const named = aiNamedIdentity(name, email, kind !== "co-author");
  if (named) {
    list.add({ kind, agent: named.agent, strength, rule: kind === "co-author" ? "ai-named-co-author" : "ai-named-identity", detail });
    return;
  }
  const address = classifyAddress(name, email);
  if (address === "agent-mailbox") list.add({ kind, agent: agentOfAddress(email), strength, rule: "agent-address", detail });
  else if (address === "no-reply" && kind === "co-author") list.add({ kind, agent: agentOfAddress(email), strength, rule: "machine-co-author", detail });
}

/** The agent a structural address stands for: its domain ("warp.dev"). */
function agentOfAddress(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase() || UNKNOWN_AI;
}

/** GraphQL's resolved co-authors (`Commit.authors`): an account GitHub matched to the trailer. */
function resolvedCoAuthorSignals(list: SignalList, coAuthor: GitIdentity, compiled: CompiledDetection): void {
  if (!coAuthor?.user) return;
  accountSignals(list, "co-author", coAuthor.user, `co-author @${coAuthor.user.login}`, compiled);
}

function subjectSignals(list: SignalList, subject: string, message: string, compiled: CompiledDetection): void {
  if (compiled.catalog) {
    const prefix = subjectPrefixMark(subject, message);
    if (prefix) list.add({ kind: "aider", agent: prefix.agent, strength: "assisted", rule: "aider-convention", detail: `subject starts with "${prefix.prefix}"` });
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
  if (mark) list.add({ kind: "branch", agent: mark.agent, strength: "declared", rule: "branch", detail });
  for (const glob of compiled.branches) {
    if (glob.matches(branch)) list.add({ kind: "branch", agent: mark?.agent ?? UNKNOWN_AI, strength: "declared", rule: "branch", detail: `${detail} (matches ${glob.pattern})` });
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
      list.add({ kind: mark.kind, agent: mark.agent, strength: "assisted", rule: mark.kind === "trailer" ? "ai-trailer" : "catalogue-trailer", detail: withVariant(line, mark.variant) }, same);
      found = true;
    }
  }
  if (found) return;
  if (trailer.key === "co-authored-by") {
    coAuthorSignals(list, trailer, line, compiled);
    return;
  }
  const session = compiled.catalog ? sessionKey(trailer.key, trailer.value) : null;
  if (session) {
    const rule: RuleName = session.tool ? "session-trailer" : "session-trailer-unknown-tool";
    list.add({ kind: "session-trailer", agent: session.agent ?? session.tool ?? UNKNOWN_AI, strength: "assisted", rule, detail: line }, trailer.key);
    return;
  }
  const configured = compiled.trailerKeys.get(trailer.key);
  if (!configured && trailer.key !== "signed-off-by" && !(compiled.catalog && isDisclosureKey(trailer.key))) return;
  if (trailer.value === "" || isNegative(trailer.value) || !disclosureValueFits(trailer.key, trailer.value)) return;
  const identity = parseIdentity(trailer.value);
  const agent: AgentMatch | null = agentForGitIdentity(identity.name, identity.email, compiled.identity);
  if (agent) {
    list.add({ kind: "trailer", agent: agent.agent, strength: "assisted", rule: "ai-trailer", detail: withVariant(line, agent.variant) });
    return;
  }
  const named = aiNamedBy(trailer.value);
  if (named) {
    list.add({ kind: "trailer", agent: named.agent, strength: "assisted", rule: "ai-trailer", detail: line });
  } else if ((configured?.keyNamesAi || (trailer.key !== "signed-off-by" && keyNamesAi(trailer.key))) && isAffirmative(trailer.value)) {
    list.add({ kind: "trailer", agent: UNKNOWN_AI, strength: "assisted", rule: "ai-trailer", detail: line });
  }
}

function coAuthorSignals(list: SignalList, trailer: Trailer, line: string, compiled: CompiledDetection): void {
  const identity = parseIdentity(trailer.value);
  const written = formatIdentity(identity);
  const agent = agentForGitIdentity(identity.name, identity.email, compiled.identity);
  if (agent) {
    list.add({ kind: "co-author", agent: agent.agent, strength: "assisted", rule: "catalogue-identity", detail: withVariant(line, agent.variant) }, written);
    return;
  }
  for (const glob of compiled.coAuthors) {
    if (glob.matches(written)) {
      list.add({ kind: "co-author", agent: glob.pattern, strength: "assisted", rule: "configured-co-author", detail: `${line} (matches ${glob.pattern})` });
      return;
    }
  }
  const before = list.signals.length;
  const noreply = parseNoreplyEmail(identity.email);
  if (noreply && /\[bot\]$/i.test(noreply.login)) {
    accountSignals(list, "co-author", normalizeActor(noreply.login, noreply.id), line, compiled);
  } else if (!noreply && identity.email === "" && /\[bot\]$/i.test(identity.name)) {
    accountSignals(list, "co-author", normalizeActor(identity.name), line, compiled);
  }
  if (list.signals.length > before || !compiled.catalog) return;
  // "Co-Authored-By: Codex (GPT-5.5)" (no address at all), "TRAE CLI <noreply@bytedance.com>".
  structuralIdentitySignals(list, "co-author", line, identity.name, identity.email);
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
    list.add({ kind: "label", agent: UNKNOWN_AI, strength: "declared", rule: "label", detail: `label ${label.name}${by}` });
  }
}

function appliedByPerson(actor: Actor | null): boolean {
  return actor !== null && !actor.isBot;
}
