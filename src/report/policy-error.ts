import type { PolicyError } from "../config/policy.js";

/** `FILE:LINE:COL message`, the form editors and CI logs link to. */
export function formatPolicyError(error: PolicyError): string {
  return `${error.file}:${error.line}:${error.column} ${error.message}`;
}
