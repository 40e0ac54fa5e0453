/**
 * Glob matching for `paths`, `base`, `forbidden_paths` and the tests gate: minimatch
 * semantics with `dot: true`, so `.github/**` and `**\/*.pem` see dotfiles.
 *
 * A 3 000-file PR under a 50-rule policy must evaluate in a few milliseconds, and a
 * minimatch call costs about a microsecond, so each pattern is compiled once (module-level
 * cache). The everyday subset — literal text, `*`, `?` and whole `**` segments — becomes one
 * anchored RegExp (≈20× faster); anything else (braces, classes, extglobs, negation) is
 * left to minimatch itself. test/policy/glob.test.ts checks both agree.
 */
import { Minimatch } from "minimatch";

type Matcher = (path: string) => boolean;

/** Policies are few and small; the bound only protects a long-running server from growth. */
const CACHE_LIMIT = 10_000;
const compiled = new Map<string, Matcher>();

function compile(pattern: string): Matcher {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  const regExp = simpleGlobRegExp(pattern);
  let matcher: Matcher;
  if (regExp) {
    // Most paths fail on a literal prefix or suffix ("services/api/**", "**/*.tf"): test that first.
    const { prefix, suffix } = literalEnds(pattern);
    matcher = (path) => path.startsWith(prefix) && path.endsWith(suffix) && regExp.test(path);
  } else {
    const minimatch = new Minimatch(pattern, { dot: true });
    matcher = (path) => minimatch.match(path);
  }
  compiled.set(pattern, matcher);
  return matcher;
}

const OUTSIDE_SUBSET = /[[\]{}()!+@\\#]/;

/**
 * The RegExp for a pattern in the simple subset, or null. Git paths never contain empty,
 * "." or ".." segments, so those corner cases of minimatch need no counterpart here; a
 * pattern containing them is left to minimatch.
 */
function simpleGlobRegExp(pattern: string): RegExp | null {
  if (pattern === "" || OUTSIDE_SUBSET.test(pattern)) return null;
  const segments = pattern.split("/");
  if (segments.some((segment, i) => segment === "." || segment === ".." || (segment === "" && i > 0) || (segment.includes("**") && segment !== "**"))) {
    return null;
  }
  if (segments[0] === "" || segments.some((segment, i) => segment === "**" && segments[i + 1] === "**")) return null;
  let source = "";
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "**") {
      // Zero or more whole segments; at the end, anything below the directory.
      source += last ? ".*" : "(?:[^/]+/)*";
      return;
    }
    source += segmentSource(segment) + (last ? "" : "/");
  });
  return new RegExp(`^${source}$`);
}

/**
 * Text every match starts and ends with, for a pattern in the simple subset: the characters
 * before the first wildcard, and those after the last one when it sits in the final segment
 * (a trailing `**` segment ends with anything).
 */
function literalEnds(pattern: string): { prefix: string; suffix: string } {
  const first = pattern.search(/[*?]/);
  const prefix = first < 0 ? pattern : pattern.slice(0, first);
  const lastSegment = pattern.slice(pattern.lastIndexOf("/") + 1);
  const lastWildcard = Math.max(lastSegment.lastIndexOf("*"), lastSegment.lastIndexOf("?"));
  const suffix = lastSegment === "**" ? "" : lastSegment.slice(lastWildcard + 1);
  return { prefix, suffix };
}

function segmentSource(segment: string): string {
  if (/^\*+$/.test(segment)) return "[^/]+";
  let source = "";
  for (const char of segment) {
    if (char === "*") source += source.endsWith("[^/]*") ? "" : "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.^$|]/g, "\\$&");
  }
  return source;
}

export function matchesGlob(pattern: string, path: string): boolean {
  return compile(pattern)(path);
}

export function matchesAnyGlob(patterns: readonly string[], path: string): string | null {
  for (const pattern of patterns) if (compile(pattern)(path)) return pattern;
  return null;
}

/**
 * The changed paths of one pull request (new and old path of renames), with the answer to
 * "which path first matches this pattern" remembered for the evaluation: many rules share
 * patterns, and each is then scanned over the files once.
 */
export class ChangedPaths {
  readonly paths: readonly string[];
  private readonly firstMatches = new Map<string, string | null>();

  constructor(files: readonly { path: string; previousPath?: string }[]) {
    const paths: string[] = [];
    for (const file of files) {
      paths.push(file.path);
      if (file.previousPath && file.previousPath !== file.path) paths.push(file.previousPath);
    }
    this.paths = paths;
  }

  /** The first changed path the pattern matches, or null. */
  firstMatch(pattern: string): string | null {
    const known = this.firstMatches.get(pattern);
    if (known !== undefined) return known;
    const matches = compile(pattern);
    const found = this.paths.find(matches) ?? null;
    this.firstMatches.set(pattern, found);
    return found;
  }

  /** The first (pattern, path) pair that matches, or null. */
  firstMatchOfAny(patterns: readonly string[]): { pattern: string; path: string } | null {
    for (const pattern of patterns) {
      const path = this.firstMatch(pattern);
      if (path !== null) return { pattern, path };
    }
    return null;
  }
}
