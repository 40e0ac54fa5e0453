import { count } from "../../config/schema-parts.js";
import { type Gate, gate } from "./gate.js";

export const maxChangedFiles: Gate<number> = ({ facts }, limit) => {
  const count = facts.files.length;
  return count <= limit
    ? { name: "max_changed_files", status: "passed", detail: `${count} changed files ≤ ${limit}`, offenders: [] }
    : { name: "max_changed_files", status: "failed", detail: `${count} changed files > ${limit}`, offenders: [] };
};

export const maxChangedFilesGate = gate(
  "max_changed_files",
  count("Fail when the pull request changes more files than this.", 1),
  maxChangedFiles,
);
