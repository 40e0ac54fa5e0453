/** Parses `git diff -z --raw` and `git diff -z --numstat` (both with -M) into changed files (pure). */
import type { ChangedFile } from "../facts.js";

export interface DiffedFile extends ChangedFile {
  /** Blob id of the new content; absent for deletions. */
  newOid?: string;
}

const CHANGE_TYPES: Record<string, NonNullable<ChangedFile["changeType"]>> = {
  A: "ADDED",
  D: "DELETED",
  M: "MODIFIED",
  R: "RENAMED",
  C: "COPIED",
  T: "CHANGED",
};

const ZERO_OID = /^0+$/;

/**
 * `raw` entries look like `:100644 100644 <old> <new> M\0path\0` or, for renames and
 * copies, `:… R086\0old\0new\0`; `numstat` entries like `3\t1\tpath\0` or
 * `3\t1\t\0old\0new\0` (`-\t-\t` for binary files, counted as 0 lines).
 */
export function parseDiff(raw: string, numstat: string): DiffedFile[] | { error: string } {
  const files = new Map<string, DiffedFile>();
  const rawFields = raw.split("\0");
  for (let i = 0; i < rawFields.length && rawFields[i] !== ""; ) {
    const header = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(rawFields[i]);
    if (!header) return { error: `unexpected git diff --raw output: '${rawFields[i].slice(0, 80)}'` };
    const [, , newOid, status] = header;
    const twoPaths = status === "R" || status === "C";
    const previousPath = twoPaths ? rawFields[i + 1] : undefined;
    const path = twoPaths ? rawFields[i + 2] : rawFields[i + 1];
    if (path === undefined) return { error: "truncated git diff --raw output" };
    files.set(path, {
      path,
      ...(previousPath !== undefined && { previousPath }),
      additions: 0,
      deletions: 0,
      changeType: CHANGE_TYPES[status] ?? "CHANGED",
      ...(!ZERO_OID.test(newOid) && { newOid }),
    });
    i += twoPaths ? 3 : 2;
  }

  const statFields = numstat.split("\0");
  for (let i = 0; i < statFields.length && statFields[i] !== ""; ) {
    const counts = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(statFields[i]);
    if (!counts) return { error: `unexpected git diff --numstat output: '${statFields[i].slice(0, 80)}'` };
    const [, added, deleted, inlinePath] = counts;
    // An empty inline path means a rename: old and new paths follow as their own fields.
    const path = inlinePath === "" ? statFields[i + 2] : inlinePath;
    i += inlinePath === "" ? 3 : 1;
    const file = path === undefined ? undefined : files.get(path);
    if (!file) return { error: `git diff --numstat names a file --raw does not: '${path}'` };
    file.additions = added === "-" ? 0 : Number(added);
    file.deletions = deleted === "-" ? 0 : Number(deleted);
  }
  return [...files.values()];
}
