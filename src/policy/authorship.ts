/**
 * Who may never approve this pull request: its author, every author, committer
 * and co-author of its commits, bots and agents. Computed once per evaluation.
 */
import type { Detection } from "../detect/types.js";
import type { Actor, CommitFacts, GitIdentity, PullRequestFacts } from "../facts.js";
import type { IgnoredReason } from "./decision.js";
import { normalizeLogin } from "../detect/login.js";
import { shortSha } from "./login.js";

export interface Disqualification {
  reason: Extract<IgnoredReason, "pr-author" | "commit-author" | "committer" | "co-author" | "bot" | "agent">;
  detail: string;
}

const CO_AUTHOR_LINE = /^[ \t]*co-authored-by[ \t]*:[ \t]*(.*?)[ \t]*$/gim;
const NOREPLY = /^(?:\d+\+)?([^@\s]+)@users\.noreply\.github\.com$/i;

/** The e-mail of a trailer value "Name <email>" or "Name email". */
function trailerEmail(value: string): string | null {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  if (bracketed) return bracketed[1].toLowerCase();
  const bare = value.split(/\s+/).find((word) => word.includes("@"));
  return bare ? bare.toLowerCase() : null;
}

export function coAuthorLines(message: string): string[] {
  return [...message.matchAll(CO_AUTHOR_LINE)].map((match) => match[1]);
}

export class Authorship {
  readonly prAuthor: string;
  /** login → first commit that shows them in that role. */
  readonly commitAuthors = new Map<string, string>();
  readonly committers = new Map<string, string>();
  /** login → "abc1234 (Co-authored-by: …)". */
  readonly coAuthors = new Map<string, string>();
  /** Every rule asks about every reviewer: answer each actor once per evaluation. */
  private readonly verdicts = new Map<string, Disqualification | null>();

  constructor(
    facts: PullRequestFacts,
    private readonly detection: Detection,
  ) {
    this.prAuthor = normalizeLogin(facts.author.login);
    // GitHub resolved the authors' and co-authors' e-mails to accounts (private e-mails
    // included); a co-author line carrying one of those e-mails names that account.
    const loginByEmail = new Map<string, string>();
    const remember = (identity: GitIdentity) => {
      if (identity.user && identity.email) loginByEmail.set(identity.email.toLowerCase(), normalizeLogin(identity.user.login));
    };
    for (const commit of facts.commits) {
      remember(commit.author);
      remember(commit.committer);
      for (const coAuthor of commit.coAuthors ?? []) remember(coAuthor);
    }
    for (const commit of facts.commits) {
      this.note(this.commitAuthors, commit.author.user, commit.sha);
      this.note(this.committers, commit.committer.user, commit.sha);
    }
    for (const commit of facts.commits) this.noteCoAuthors(commit, loginByEmail);
  }

  private note(map: Map<string, string>, user: Actor | null, sha: string): void {
    if (!user) return;
    const login = normalizeLogin(user.login);
    if (!map.has(login)) map.set(login, sha);
  }

  private noteCoAuthors(commit: CommitFacts, loginByEmail: Map<string, string>): void {
    for (const value of coAuthorLines(commit.message)) {
      const email = trailerEmail(value);
      if (!email) continue;
      const noreply = NOREPLY.exec(email);
      const login = noreply ? normalizeLogin(noreply[1]) : loginByEmail.get(email);
      if (login && !this.coAuthors.has(login)) {
        this.coAuthors.set(login, `${shortSha(commit.sha)} (Co-authored-by: ${value})`);
      }
    }
  }

  /** Why this actor's approval can never count, or null when it may. */
  disqualify(actor: Actor): Disqualification | null {
    const key = `${actor.isBot ? "bot" : "user"}:${actor.id ?? ""}:${actor.login}`;
    const known = this.verdicts.get(key);
    if (known !== undefined) return known;
    const verdict = this.judge(actor);
    this.verdicts.set(key, verdict);
    return verdict;
  }

  private judge(actor: Actor): Disqualification | null {
    const login = normalizeLogin(actor.login);
    if (actor.isBot) return { reason: "bot", detail: "bots never approve" };
    const agent = this.agentOf(actor);
    if (agent !== null) return { reason: "agent", detail: `agent identity (${agent})` };
    if (login === this.prAuthor) return { reason: "pr-author", detail: "author of the pull request" };
    const authored = this.commitAuthors.get(login);
    if (authored) return { reason: "commit-author", detail: `author of commit ${shortSha(authored)}` };
    const committed = this.committers.get(login);
    if (committed) return { reason: "committer", detail: `committer of commit ${shortSha(committed)}` };
    const coAuthored = this.coAuthors.get(login);
    if (coAuthored) return { reason: "co-author", detail: `co-author of commit ${coAuthored}` };
    return null;
  }

  /** The agent whose account this is, as the detector found it among reviewers and label appliers. */
  private agentOf(actor: Actor): string | null {
    const accounts = this.detection.agentAccounts;
    const login = normalizeLogin(actor.login);
    return Object.hasOwn(accounts, login) ? accounts[login] : null;
  }
}
