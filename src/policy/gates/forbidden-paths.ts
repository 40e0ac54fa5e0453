import { matchesAnyGlob } from "../glob.js";
import type { Gate } from "./gate.js";

export interface ForbiddenPathsConfig {
  patterns: readonly string[];
  /** False by default: a gate that protects secrets must not be sidestepped by `KEY.PEM`. */
  caseSensitive: boolean;
}

/** No changed file — new or old path of a rename — may match a forbidden glob. */
export const forbiddenPaths: Gate<ForbiddenPathsConfig> = ({ paths }, { patterns, caseSensitive }) => {
  const folded = caseSensitive ? patterns : patterns.map((pattern) => pattern.toLowerCase());
  const offenders = paths.paths.filter((path) => matchesAnyGlob(folded, caseSensitive ? path : path.toLowerCase()) !== null);
  return offenders.length === 0
    ? { name: "forbidden_paths", status: "passed", reason: { code: "no-forbidden-path" } }
    : { name: "forbidden_paths", status: "failed", reason: { code: "forbidden-paths", paths: offenders } };
};
