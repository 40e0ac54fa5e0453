/**
 * One policy file on its own: read the YAML, check it against the schema, then the checks
 * the schema cannot express. Every problem comes back as a located error; never throws.
 */
import { readPolicyDocument, type PolicyDocument } from "./document.js";
import { documentLocator } from "./locate.js";
import type { PolicyBlob, PolicyError } from "./policy.js";
import { agentNameFindings, principalNameFindings } from "./names.js";
import { schemaErrors } from "./schema-check.js";
import type { PolicyFile } from "./schema.js";
import {
  globWarnings,
  roleErrors,
  ruleNameErrors,
  tierNameErrors,
  tierReferenceErrors,
  type PolicyRole,
} from "./semantics.js";

export interface CheckedFile {
  blob: PolicyBlob;
  /** Present when the YAML could be read (for locating errors found later, e.g. by the merge). */
  document?: PolicyDocument;
  /** Present when `errors` is empty. */
  file?: PolicyFile;
  errors: PolicyError[];
  warnings: PolicyError[];
}

export interface CheckOptions {
  /** Which file this is; undefined = could be either (`extends` and `enforce` just may not meet). */
  role?: PolicyRole;
  /**
   * Check that `when.tier` names defined tiers. Off when the tiers in force are only known
   * after merging with the organisation default (resolvePolicy checks the merged policy).
   */
  references?: boolean;
}

export function byPosition(a: PolicyError, b: PolicyError): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

export function checkPolicyFile(blob: PolicyBlob, options: CheckOptions = {}): CheckedFile {
  const reading = readPolicyDocument(blob);
  if (!reading.ok) return { blob, errors: reading.errors, warnings: reading.warnings };
  const { document } = reading;
  const locate = documentLocator(document);
  const data = document.data;
  // A file that extends the organisation default may use its tiers and half-set its mappings.
  const extendsOrg = Object.hasOwn(data, "extends");
  const references = (options.references ?? true) && !extendsOrg;
  const principals = principalNameFindings(data, locate);
  const agents = agentNameFindings(data, locate, extendsOrg);
  const errors = [
    ...reading.errors,
    ...schemaErrors(data, locate, { partial: extendsOrg }),
    ...roleErrors(data, options.role, locate),
    ...ruleNameErrors(data, locate),
    ...tierNameErrors(data, locate),
    ...(references ? tierReferenceErrors(data, locate) : []),
    ...principals.errors,
    ...agents.errors,
  ].sort(byPosition);
  const warnings = [...reading.warnings, ...globWarnings(data, locate), ...principals.warnings, ...agents.warnings].sort(byPosition);
  if (errors.length > 0) return { blob, document, errors, warnings };
  return { blob, document, file: data as unknown as PolicyFile, errors, warnings };
}
