/**
 * The catalogue's message marks — tool trailers, footer lines, links, branch prefixes, aider's
 * name and subject conventions — compiled once at module load into lookups that cost one
 * regular-expression test per line, so a 250-commit pull request is read in well under 5 ms.
 */
import { CATALOG, type TrailerMark } from "./catalog.js";

export interface MarkMatch {
  agent: string;
  variant?: string;
}

export interface CompiledTrailerMark extends MarkMatch {
  value?: RegExp;
  kind: "session-trailer" | "trailer";
}

/** Lower-case trailer key → the marks that use it. */
export const TRAILER_MARKS = new Map<string, CompiledTrailerMark[]>();

const footerMarks: MarkMatch[] = [];
const linkMarks: MarkMatch[] = [];
const branchMarks: (MarkMatch & { prefix: string })[] = [];
const nameSuffixes: (MarkMatch & { suffix: string })[] = [];
const subjectPrefixes: (MarkMatch & { prefix: string; body: RegExp })[] = [];
const footerSources: string[] = [];
const linkSources: string[] = [];

for (const agent of CATALOG) {
  for (const mark of agent.trailers) addTrailer(agent.id, mark);
  for (const footer of agent.footers) {
    footerMarks.push({ agent: agent.id, variant: footer.variant });
    // Footers are written anchored ("^…"); each becomes one capturing alternative.
    footerSources.push(`(${footer.line.source.replace(/^\^/, "")})`);
  }
  for (const link of agent.links) {
    linkMarks.push({ agent: agent.id, variant: link.variant });
    linkSources.push(`(${escapeRegExp(link.url)})`);
  }
  for (const branch of agent.branches) branchMarks.push({ agent: agent.id, prefix: branch.prefix.toLowerCase() });
  for (const entry of agent.nameSuffixes ?? []) nameSuffixes.push({ agent: agent.id, suffix: entry.suffix });
  for (const entry of agent.subjectPrefixes ?? []) subjectPrefixes.push({ agent: agent.id, prefix: entry.prefix, body: entry.body });
}

function addTrailer(agent: string, mark: TrailerMark): void {
  const key = mark.key.toLowerCase();
  const compiled: CompiledTrailerMark = { agent, variant: mark.variant, value: mark.value, kind: mark.kind ?? "session-trailer" };
  const list = TRAILER_MARKS.get(key);
  if (list) list.push(compiled);
  else TRAILER_MARKS.set(key, [compiled]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const FOOTER = footerSources.length > 0 ? new RegExp(`^[ \\t]*(?:${footerSources.join("|")})`, "u") : null;
const LINK = linkSources.length > 0 ? new RegExp(`https?://(?:www\\.)?(?:${linkSources.join("|")})`, "gi") : null;

/** Which alternative of a combined expression matched: the first defined capture group. */
function whichGroup(match: RegExpExecArray): number {
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return i - 1;
  return -1;
}

export function footerMark(line: string): MarkMatch | null {
  if (!FOOTER) return null;
  const match = FOOTER.exec(line);
  return match ? (footerMarks[whichGroup(match)] ?? null) : null;
}

export interface LinkHit extends MarkMatch {
  url: string;
}

/** Every catalogued link in the message, once per agent. */
export function linkHits(message: string): LinkHit[] {
  if (!LINK || !message.includes("://")) return [];
  const hits: LinkHit[] = [];
  LINK.lastIndex = 0;
  for (let match = LINK.exec(message); match; match = LINK.exec(message)) {
    const mark = linkMarks[whichGroup(match)];
    if (mark && !hits.some((hit) => hit.agent === mark.agent)) {
      const end = message.slice(match.index).search(/[\s)>\]]|$/);
      hits.push({ ...mark, url: message.slice(match.index, match.index + end) });
    }
  }
  return hits;
}

export function branchMark(branch: string): MarkMatch | null {
  const lower = branch.toLowerCase();
  return branchMarks.find((mark) => lower.startsWith(mark.prefix)) ?? null;
}

export function nameSuffixMark(name: string): (MarkMatch & { suffix: string }) | null {
  const trimmed = name.trimEnd();
  return nameSuffixes.find((mark) => trimmed.endsWith(mark.suffix)) ?? null;
}

/** Only at the very start of the subject (`Revert "aider: …"` is a person undoing it) and with the tool's transcript in the message. */
export function subjectPrefixMark(subject: string, message: string): (MarkMatch & { prefix: string }) | null {
  return subjectPrefixes.find((mark) => subject.startsWith(mark.prefix) && mark.body.test(message)) ?? null;
}
