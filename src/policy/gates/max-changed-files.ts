import type { Gate } from "./gate.js";

export const maxChangedFiles: Gate<number> = ({ facts }, limit) => {
  const count = facts.files.length;
  return count <= limit
    ? { name: "max_changed_files", status: "passed", detail: `${count} changed files ≤ ${limit}`, offenders: [] }
    : { name: "max_changed_files", status: "failed", detail: `${count} changed files > ${limit}`, offenders: [] };
};
