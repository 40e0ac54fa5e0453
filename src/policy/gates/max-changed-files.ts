import type { Gate } from "./gate.js";

export const maxChangedFiles: Gate<number> = ({ facts }, limit) => {
  const count = facts.files.length;
  return count <= limit
    ? { name: "max_changed_files", status: "passed", reason: { code: "changed-files-within", count, limit } }
    : { name: "max_changed_files", status: "failed", reason: { code: "changed-files-over", count, limit } };
};
