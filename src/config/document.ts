/**
 * Read a policy blob into a YAML document that remembers where every node came from, so
 * that every later error can point at a line and column. Problems with the file as a whole
 * (unreadable, oversized, empty, not YAML, not a mapping) are reported here; never throws.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from "yaml";
import { POLICY_MAX_BYTES, type PolicyBlob, type PolicyError } from "./policy.js";

export interface PolicyDocument {
  blob: PolicyBlob;
  yaml: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data (what the schema validates). */
  data: Record<string, unknown>;
}

export type DocumentReading =
  | { ok: true; document: PolicyDocument; errors: PolicyError[]; warnings: PolicyError[] }
  | { ok: false; errors: PolicyError[]; warnings: PolicyError[] };

/** Anchors and aliases are legal YAML, but a handful is plenty for a policy; this stops "billion laughs". */
const MAX_ALIASES = 100;

const KIB = 1024;

/** Friendlier wording for the YAML errors a policy author is likely to hit. */
const YAML_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: "a policy file holds one YAML document; remove the second `---`",
  TAB_AS_INDENT: "tabs are not allowed as indentation in YAML; indent with spaces",
};

/** A problem with the file as a whole sits at its start: editors and annotations count from 1:1. */
export function fileError(blob: PolicyBlob, message: string): PolicyError {
  return { file: blob.path, line: 1, column: 1, message };
}

export function positionOf(document: Pick<PolicyDocument, "blob" | "lineCounter">, offset: number, message: string): PolicyError {
  const { line, col } = document.lineCounter.linePos(offset);
  return { file: document.blob.path, line, column: col, message };
}

/**
 * `[dependabot[bot], renovate[bot]]` is not YAML: inside a flow list, `[` starts a nested
 * list. Bot logins end in `[bot]`, so this is the mistake policy authors will make most.
 */
function bracketHint(text: string, offset: number): string {
  if (text[offset] !== "[" || !/[\w.-]/.test(text[offset - 1] ?? "")) return "";
  return ' — inside `[...]`, quote values that contain brackets, e.g. "dependabot[bot]"';
}

/**
 * `catalog: true` followed by a key indented further: YAML reads the key as part of the value
 * above it and blames that line. The error belongs on the over-indented key, in plain words.
 */
function overIndentedKey(document: Pick<PolicyDocument, "blob" | "lineCounter">, text: string, offset: number): PolicyError | undefined {
  const lines = text.split("\n");
  const { line } = document.lineCounter.linePos(offset);
  const above = /^( *)([^\s:#][^:#]*):/.exec(lines[line - 1] ?? "");
  const next = lines.slice(line).find((candidate) => candidate.trim() !== "" && !candidate.trim().startsWith("#"));
  const key = next === undefined ? null : /^( *)([^\s:#][^:#]*):/.exec(next);
  if (!above || !key || key[1].length <= above[1].length) return undefined;
  const keyLine = line + 1 + lines.slice(line).indexOf(next!);
  return {
    file: document.blob.path,
    line: keyLine,
    column: key[1].length + 1,
    message: `\`${key[2].trim()}\` is indented more than \`${above[2].trim()}\` on line ${line}, which has a value: indent it by ${above[1].length} spaces to make it a sibling, or remove the value of \`${above[2].trim()}\` to nest it`,
  };
}

function sizeError(blob: PolicyBlob, bytes: number): PolicyError {
  return fileError(
    blob,
    `the policy file is ${Math.ceil(bytes / KIB)} KiB; the limit is ${POLICY_MAX_BYTES / KIB} KiB`,
  );
}

function describeRoot(node: unknown): string {
  if (isSeq(node)) return "a list";
  if (isScalar(node)) return typeof node.value === "string" ? "a plain string" : `the value \`${String(node.value)}\``;
  return "something else";
}

export function readPolicyDocument(blob: PolicyBlob): DocumentReading {
  const bytes = blob.text === null ? blob.byteSize : Math.max(blob.byteSize, Buffer.byteLength(blob.text, "utf8"));
  if (bytes > POLICY_MAX_BYTES) return { ok: false, errors: [sizeError(blob, bytes)], warnings: [] };
  if (blob.text === null) {
    return {
      ok: false,
      errors: [fileError(blob, "the policy file could not be read as text (it is binary, or GitHub truncated it)")],
      warnings: [],
    };
  }

  const lineCounter = new LineCounter();
  // uniqueKeys: false — duplicate keys are reported below with both positions.
  const yaml = parseDocument(blob.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const located = { blob, lineCounter };
  const warnings = yaml.warnings.map((w) => positionOf(located, w.pos[0], w.message));
  if (yaml.errors.length > 0) {
    const overIndented = new Set<number>();
    const errors = yaml.errors.flatMap((e) => {
      if (e.code === "BLOCK_AS_IMPLICIT_KEY" || e.code === "MULTILINE_IMPLICIT_KEY") {
        const indented = overIndentedKey(located, blob.text!, e.pos[0]);
        if (indented) {
          // The parser reports one over-indented key twice, at the value above it; say it once, at the key.
          if (overIndented.has(indented.line)) return [];
          overIndented.add(indented.line);
          return [indented];
        }
      }
      const message = YAML_MESSAGES[e.code] ?? e.message.split("\n")[0];
      return [positionOf(located, e.pos[0], `YAML syntax error: ${message}${bracketHint(blob.text!, e.pos[0])}`)];
    });
    return { ok: false, errors, warnings };
  }

  const root = yaml.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    return {
      ok: false,
      errors: [{ file: blob.path, line: 1, column: 1, message: "the policy file is empty; it needs at least `version: 1`" }],
      warnings,
    };
  }
  if (!isMap(root)) {
    const offset = (root as Node).range?.[0] ?? 0;
    return {
      ok: false,
      errors: [positionOf(located, offset, `the policy file must be a mapping of keys (such as \`version: 1\`), not ${describeRoot(root)}`)],
      warnings,
    };
  }

  const errors = keyErrors({ blob, yaml, lineCounter });
  // A list or mapping used as a key has no place in the data; stop before toJS stringifies it.
  if (errors.some((e) => e.message.startsWith(COMPLEX_KEY))) return { ok: false, errors, warnings };
  let data: unknown;
  try {
    data = yaml.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // toJS throws only for alias abuse; the message names the limit.
    return { ok: false, errors: [...errors, positionOf(located, 0, `YAML: ${(error as Error).message}`)], warnings };
  }
  return { ok: true, document: { blob, yaml, lineCounter, data: data as Record<string, unknown> }, errors, warnings };
}

/** The text of a mapping key as the data sees it (`1:` and `"1":` are the same key). */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

const COMPLEX_KEY = "a key must be a plain name";

/** Duplicate keys (the data would silently keep the last) and keys that are lists or mappings. */
function keyErrors(document: Pick<PolicyDocument, "blob" | "yaml" | "lineCounter">): PolicyError[] {
  const errors: PolicyError[] = [];
  visit(document.yaml, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const name = keyText(pair.key);
        const offset = (pair.key as Node | null)?.range?.[0];
        if (offset === undefined) continue;
        if (name === undefined) {
          errors.push(positionOf(document, offset, `${COMPLEX_KEY}, not a list or a mapping`));
          continue;
        }
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, offset);
        } else {
          const firstLine = document.lineCounter.linePos(first).line;
          errors.push(positionOf(document, offset, `duplicate key \`${name}\` (first defined on line ${firstLine})`));
        }
      }
    },
  });
  return errors;
}
