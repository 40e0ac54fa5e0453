/**
 * Trailer-form lines of a commit message.
 *
 * git itself only reads trailers from the final paragraph. Agents' trailers are found
 * elsewhere in real history — inside squash bodies, indented, above a footer, before a
 * `Copilot-Session:` paragraph, with CRLF endings — so every `Key: value` line counts here,
 * wherever it stands. What is kept from git: keys are tokens of letters, digits and `-`,
 * compared case-insensitively, with optional blanks before the separator; an indented line
 * that is not itself a trailer continues the value of the trailer just above it.
 */

export interface Trailer {
  /** Lower-case key: "co-authored-by". */
  key: string;
  /** The key as written: "Co-Authored-By". */
  rawKey: string;
  /** Trimmed value, continuation lines joined with one space. */
  value: string;
  /** 1-based line number in the message. */
  line: number;
}

/** Longer values are cut: no identity, model name or session id is this long. */
export const MAX_VALUE = 1000;

// Letters first so that "  - item: text" or "12:30 meeting" are not trailers.
const TRAILER_LINE = /^[ \t]*([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const CONTINUATION = /^[ \t]+\S/;

/** Lines of a message: LF, CRLF and lone CR all end a line. */
export function messageLines(message: string): string[] {
  return message.split(/\r\n|\n|\r/);
}

export function parseTrailers(message: string): Trailer[] {
  return trailersOfLines(messageLines(message));
}

export function trailersOfLines(lines: readonly string[]): Trailer[] {
  const trailers: Trailer[] = [];
  let previous: Trailer | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const match = TRAILER_LINE.exec(text);
    // "https://…" would read as key "https": a URL is never a trailer.
    if (match && !match[2].startsWith("//")) {
      previous = { key: match[1].toLowerCase(), rawKey: match[1], value: match[2].slice(0, MAX_VALUE).trimEnd(), line: i + 1 };
      trailers.push(previous);
    } else if (previous && CONTINUATION.test(text)) {
      if (previous.value.length < MAX_VALUE) previous.value = `${previous.value} ${text.trim()}`.slice(0, MAX_VALUE).trim();
    } else {
      previous = null;
    }
  }
  return trailers;
}

export interface TrailerIdentity {
  name: string;
  /** Lower-case e-mail, "" when the value has none. */
  email: string;
}

/**
 * "Claude <noreply@anthropic.com>", "OpenHands-Gemini openhands@all-hands.dev" (malformed,
 * seen in real history) or a bare name → name and e-mail. The first `<…@…>` wins; text after
 * it ("<x@y> (model)") is ignored. Plain string scanning: commit messages are untrusted and
 * a backtracking expression here would be quadratic on a crafted value.
 */
export function parseIdentity(value: string): TrailerIdentity {
  const trimmed = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE).trim() : value.trim();
  for (let open = trimmed.indexOf("<"); open !== -1; open = trimmed.indexOf("<", open + 1)) {
    const close = trimmed.indexOf(">", open);
    if (close === -1) break;
    const inside = trimmed.slice(open + 1, close);
    if (inside.includes("@") && !/[\s<]/.test(inside)) return { name: trimmed.slice(0, open).trim(), email: inside.toLowerCase() };
  }
  const lastSpace = trimmed.lastIndexOf(" ");
  const last = trimmed.slice(lastSpace + 1);
  if (last.includes("@") && !last.startsWith("@") && !last.includes("<")) {
    return { name: trimmed.slice(0, Math.max(lastSpace, 0)).trim(), email: last.toLowerCase() };
  }
  return { name: trimmed, email: "" };
}

/** "Name <email>" as GitHub writes it, for globs in `detection.co_authors`. */
export function formatIdentity(identity: TrailerIdentity): string {
  return identity.email ? `${identity.name} <${identity.email}>` : identity.name;
}
