/** A policy file's bytes as the `PolicyBlob` the config module validates, whether read from
 * the file system (`validate`) or from a git object (`check`). */
import { createHash } from "node:crypto";
import type { PolicyBlob } from "../config/policy.js";

export function policyBlobFromBytes(path: string, bytes: Uint8Array): PolicyBlob {
  return {
    path,
    // GitHub reports binary blobs with text null; a NUL byte is the same tell-tale git uses.
    text: bytes.includes(0) ? null : Buffer.from(bytes).toString("utf8"),
    byteSize: bytes.length,
    oid: gitBlobOid(bytes),
  };
}

/** The SHA git gives the content as a blob, so local and GitHub audit records agree. */
function gitBlobOid(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
