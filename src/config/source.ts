/**
 * Where a policy comes from and what can be wrong with it: the vocabulary the reader of
 * policy files, the facts and the engine's decision share. Imports nothing, so that any layer
 * may name these without depending on the policy's shape.
 */

/** Where the policy in force came from (shown in the check run and stored in the audit trail). */
export interface PolicySource {
  kind: "repository" | "organization" | "repository+organization" | "built-in";
  /** e.g. "acme/api/.agent-governance.yml@main"; "built-in default" for the default. */
  description: string;
  /** Git blob SHA(s) of the file(s), for the audit trail; empty for the built-in default. */
  blobShas: string[];
}

/** A located error in a policy file: rendered as `FILE:LINE:COL message`. */
export interface PolicyError {
  file: string;
  /** 1-based; 0 when the error is about the file as a whole (unreadable, too large). */
  line: number;
  column: number;
  message: string;
}

/** A policy file as read from git (GraphQL `Blob`, `git show`, or the file system). */
export interface PolicyBlob {
  /** Path shown in errors, e.g. ".agent-governance.yml" or "acme/.github:.agent-governance.yml". */
  path: string;
  /** null when the blob is binary or GitHub truncated it. */
  text: string | null;
  byteSize: number;
  /** Git blob SHA. */
  oid: string;
}

export const POLICY_FILE = ".agent-governance.yml";
export const POLICY_MAX_BYTES = 256 * 1024;
