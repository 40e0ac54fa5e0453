/**
 * Glob patterns in a policy (`paths`, `base`, `forbidden_paths`, …) are minimatch patterns.
 * minimatch accepts almost any text, so "valid" here means: the engine can match it quickly
 * without throwing. Patterns that are valid but almost certainly not what the author meant
 * (a comment, a negation, a leading `/`) are warnings.
 */
import { Minimatch, braceExpand } from "minimatch";
import type { DataPath } from "./locate.js";

/** `{a,b}{c,d}…` multiplies; a few hundred alternatives is already far beyond any real policy. */
export const MAX_GLOB_ALTERNATIVES = 256;

/** Why the engine cannot use this pattern, or undefined when it can. */
export function globProblem(pattern: string): string | undefined {
  try {
    // braceExpandMax truncates rather than throws, so one over the limit tells us it was exceeded.
    if (braceExpand(pattern, { braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 }).length > MAX_GLOB_ALTERNATIVES) {
      return `its braces expand to more than ${MAX_GLOB_ALTERNATIVES} alternatives`;
    }
    new Minimatch(pattern, { dot: true }).match("probe/path");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function isValidGlob(pattern: string): boolean {
  return globProblem(pattern) === undefined;
}

/** Why this valid pattern probably does not do what its author meant, or undefined. */
export function globWarning(pattern: string): string | undefined {
  if (pattern.startsWith("#")) return `glob \`${pattern}\` starts with \`#\`, which makes it a comment that matches nothing`;
  if (pattern.startsWith("!")) {
    return `glob \`${pattern}\` starts with \`!\`, which negates it: it matches everything except \`${pattern.slice(1)}\``;
  }
  if (pattern.startsWith("/") || pattern.startsWith("./")) {
    return `glob \`${pattern}\` never matches: paths and branches are written without a leading \`/\` or \`./\``;
  }
  if (pattern.includes("\\")) {
    return `glob \`${pattern}\`: paths use \`/\` between directories, and \`\\\` escapes the next character — did you mean \`${pattern.replaceAll("\\", "/")}\`?`;
  }
  if (pattern.split("/").some((segment) => segment.includes("**") && segment !== "**")) {
    return `glob \`${pattern}\`: \`**\` crosses directories only as a whole path segment; here it acts as \`*\` — did you mean \`${wholeSegmentGlobstars(pattern)}\`?`;
  }
  if (hasUnclosedBracket(pattern)) {
    return `glob \`${pattern}\` has a \`[\` that is never closed, so it matches a literal \`[\`: close the class (\`[abc]\`) or escape it (\`\\[\`)`;
  }
  return undefined;
}

/** `src/**.ts` → `src/**\/*.ts`: each `**` inside a segment becomes a segment of its own. */
function wholeSegmentGlobstars(pattern: string): string {
  return pattern
    .split("/")
    .map((segment) => {
      if (segment === "**" || !segment.includes("**")) return segment;
      const before = segment.slice(0, segment.indexOf("**")).replace(/\*+$/, "");
      const after = segment.slice(segment.lastIndexOf("**") + 2).replace(/^\*+/, "");
      return [before && `${before}*`, "**", after && `*${after}`].filter(Boolean).join("/");
    })
    .join("/");
}

function hasUnclosedBracket(pattern: string): boolean {
  let open = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") i++;
    else if (char === "[" && !open) open = true;
    else if (char === "]" && open) open = false;
  }
  return open;
}

type SchemaNode = { [key: string]: unknown };

/** Every string in `data` that the schema marks `format: glob`, with its path. */
export function globsIn(data: unknown, schema: SchemaNode, path: DataPath = []): { path: DataPath; pattern: string }[] {
  if (schema.format === "glob" && typeof data === "string") return [{ path, pattern: data }];
  if (Array.isArray(data) && typeof schema.items === "object" && schema.items !== null) {
    return data.flatMap((item, i) => globsIn(item, schema.items as SchemaNode, [...path, i]));
  }
  if (typeof data === "object" && data !== null && !Array.isArray(data) && typeof schema.properties === "object") {
    const properties = schema.properties as Record<string, SchemaNode>;
    return Object.entries(data).flatMap(([key, value]) =>
      Object.hasOwn(properties, key) ? globsIn(value, properties[key], [...path, key]) : [],
    );
  }
  return [];
}
