import { count } from "../../config/schema-parts.js";
import { type Gate, gate } from "./gate.js";

export const maxChangedFiles: Gate<number> = ({ facts }, limit) => {
  const count = facts.files.length;
  return count <= limit
    ? { name: "max_changed_files", status: "passed", reason: { code: "changed-files-within", count, limit } }
    : { name: "max_changed_files", status: "failed", reason: { code: "changed-files-over", count, limit } };
};

export const maxChangedFilesGate = gate(
  "max_changed_files",
  count("Fail when the pull request changes more files than this.", 1),
  maxChangedFiles,
);
