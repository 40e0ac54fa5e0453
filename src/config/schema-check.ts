/**
 * Check a policy document against the JSON Schema with ajv, and turn ajv's errors into
 * located, plain-language ones: "unknown key `rule` — did you mean `rules`?" on the key's
 * line and column, "`approvals` must be a whole number ≥ 0, got `-1`" on the value.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { isValidGlob, globProblem } from "./globs.js";
import type { DataPath, Locator } from "./locate.js";
import { nearestName } from "./nearest.js";
import type { PolicyError } from "./policy.js";
import { POLICY_SCHEMA } from "./schema.js";

type SchemaNode = { [key: string]: unknown };

/** An ajv that knows the `glob` format. The schema tests build theirs the same way. */
export function createPolicyAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
  ajv.addFormat("glob", { type: "string", validate: isValidGlob });
  return ajv;
}

let compiled: ValidateFunction | undefined;
function policyValidator(): ValidateFunction {
  compiled ??= createPolicyAjv().compile(POLICY_SCHEMA);
  return compiled;
}

export interface SchemaCheckOptions {
  /**
   * Leave out keys missing from nested mappings: a file that extends the organisation
   * default may set half of `gates.tests` and inherit the other half. The merged policy is
   * checked for them (`missingKeysOnly`).
   */
  partial?: boolean;
  /** Report only missing keys (the merged policy; everything else was checked per file). */
  missingKeysOnly?: boolean;
}

export function schemaErrors(data: unknown, locate: Locator, options: SchemaCheckOptions = {}): PolicyError[] {
  const validate = policyValidator();
  if (validate(data)) return [];
  const raw = groupMissingKeys(validate.errors ?? []).filter((e) => {
    const nestedMissing = e.keyword === "required" && e.instancePath !== "";
    if (options.missingKeysOnly) return e.keyword === "required";
    return !(options.partial && nestedMissing);
  });
  // anyOf reports each failed branch too; its own message covers them.
  const anyOfPaths = raw.filter((e) => e.keyword === "anyOf").map((e) => `${e.schemaPath}/`);
  const errors: PolicyError[] = [];
  const seen = new Set<string>();
  for (const error of raw) {
    if (anyOfPaths.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const located = describe(locate, error);
    if (!located) continue;
    const key = `${located.line}:${located.column}:${located.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(located);
  }
  return errors;
}

/** One "missing required keys `a`, `b`" per mapping rather than one error per key. */
function groupMissingKeys(errors: ErrorObject[]): ErrorObject[] {
  const grouped: ErrorObject[] = [];
  const byMapping = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== "required") {
      grouped.push(error);
      continue;
    }
    const key = String((error.params as { missingProperty: string }).missingProperty);
    const earlier = byMapping.get(error.instancePath);
    if (earlier) {
      (earlier.params as { missing: string[] }).missing.push(key);
    } else {
      const copy = { ...error, params: { ...error.params, missing: [key] } };
      byMapping.set(error.instancePath, copy);
      grouped.push(copy);
    }
  }
  return grouped;
}

function missingKeys(error: ErrorObject): string[] {
  return (error.params as { missing: string[] }).missing;
}

function pathOf(error: ErrorObject): string[] {
  if (error.instancePath === "") return [];
  return error.instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

const isIndex = (segment: string | number | undefined): boolean =>
  typeof segment === "number" || (typeof segment === "string" && /^\d+$/.test(segment));

/** How the message names the value at `path`. */
function subject(path: DataPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return "the policy file";
  if (isIndex(last)) return `each entry of \`${String(path[path.length - 2])}\``;
  return `\`${String(last)}\``;
}

/** How the message names the mapping at `path` when a key is missing from it. */
function container(path: DataPath): string {
  const last = path[path.length - 1];
  if (isIndex(last)) return `this \`${String(path[path.length - 2])}\` entry`;
  return `\`${String(last)}\``;
}

const code = (value: unknown): string => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

/** What the schema wants, as a phrase: "a whole number ≥ 0", "one of `read`, `write`". */
function expected(schema: SchemaNode): string {
  if ("const" in schema) return code(schema.const);
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(code).join(", ")}`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as SchemaNode[]).map(expected).join(" or ");
  const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
  const max = typeof schema.maximum === "number" ? schema.maximum : undefined;
  switch (schema.type) {
    case "integer":
      return min === undefined ? "a whole number" : `a whole number ≥ ${min}`;
    case "number":
      if (min !== undefined && max !== undefined) return `a number from ${min} to ${max}`;
      return min === undefined ? "a number" : `a number ≥ ${min}`;
    case "string":
      return schema.format === "glob" ? "a glob (a non-empty string)" : "a non-empty string";
    case "boolean":
      return "`true` or `false`";
    case "array":
      return "a list";
    case "object":
      return "a mapping";
    default:
      return "something else";
  }
}

/** What the user wrote, as a phrase. */
function actual(data: unknown): string {
  if (data === null || data === undefined) return "nothing (the value is empty)";
  if (Array.isArray(data)) return "a list";
  if (typeof data === "object") return "a mapping";
  if (typeof data === "string") return data === "" ? "an empty string" : `the string ${code(data)}`;
  return code(data);
}

/** A nudge for the mistakes YAML makes easy. */
function hint(schema: SchemaNode, data: unknown): string {
  if (typeof data === "string" && Array.isArray(schema.enum)) {
    const strings = schema.enum.filter((v): v is string => typeof v === "string");
    const near = nearestName(data, strings);
    if (near) return ` — did you mean ${code(near)}?`;
  }
  if (schema.type === "boolean" && typeof data === "string" && /^(yes|no|on|off|y|n)$/i.test(data)) {
    return " (YAML 1.2 reads it as text: write `true` or `false`)";
  }
  // Quoted when YAML would misread it inside `[...]`: `[acme-coder[bot]]` is a nested list.
  if (schema.type === "array" && typeof data === "string") return ` — write a list: [${/[[\]{},]|^[*&!|>'"%@`]|: | #/.test(data) ? JSON.stringify(data) : data}]`;
  return "";
}

function describe(locate: Locator, error: ErrorObject): PolicyError | undefined {
  const path = pathOf(error);
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return locate.atKey([...path, key], unknownKeyMessage(key, parent));
    }
    case "required": {
      const keys = missingKeys(error);
      const names = keys.map((k) => `\`${k}\``).join(", ");
      const noun = keys.length === 1 ? "key" : "keys";
      if (path.length === 0) {
        const advice = keys.includes("version") ? " (add `version: 1`)" : "";
        return { file: locate.file, line: 1, column: 1, message: `missing required ${noun} ${names}${advice}` };
      }
      return locate.atKey(path, `${container(path)} is missing required ${noun} ${names}`);
    }
    case "false schema":
      // Only the extends/enforce exclusion uses one; semantics.ts reports it, better worded.
      return undefined;
    case "not":
      return locate.atValue(path, `${subject(path)} cannot be ${code(error.data)}: it is reserved`);
    case "format": {
      const list = isIndex(path[path.length - 1]) ? ` in \`${String(path[path.length - 2])}\`` : "";
      const problem = globProblem(String(error.data)) ?? "invalid pattern";
      return locate.atValue(path, `glob ${code(error.data)}${list} is not usable: ${problem}`);
    }
    default:
      return locate.atValue(
        path,
        `${subject(path)} must be ${expected(parent)}, got ${actual(error.data)}${hint(parent, error.data)}`,
      );
  }
}

function unknownKeyMessage(key: string, parent: SchemaNode): string {
  const properties = (parent.properties ?? {}) as Record<string, SchemaNode>;
  const valid = Object.keys(properties);
  const near = nearestName(key, valid);
  if (near) return `unknown key \`${key}\` — did you mean \`${near}\`?`;
  const home = valid.find((name) => childKeys(properties[name]).includes(key));
  if (home) return `unknown key \`${key}\` — it belongs under \`${home}\``;
  return `unknown key \`${key}\` (valid keys here: ${valid.map((k) => `\`${k}\``).join(", ")})`;
}

/** Keys one level down (through a list's items), for "it belongs under `require`". */
function childKeys(schema: SchemaNode | undefined): string[] {
  if (!schema) return [];
  const object = (schema.type === "array" ? schema.items : schema) as SchemaNode | undefined;
  return Object.keys((object?.properties ?? {}) as object);
}
