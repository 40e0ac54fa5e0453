import { matchesAnyGlob } from "../glob.js";
import { type Gate, named, plural } from "./gate.js";

export interface ForbiddenPathsConfig {
  patterns: readonly string[];
  /** False by default: a gate that protects secrets must not be sidestepped by `KEY.PEM`. */
  caseSensitive: boolean;
}

/** No changed file — new or old path of a rename — may match a forbidden glob. */
export const forbiddenPaths: Gate<ForbiddenPathsConfig> = ({ paths }, { patterns, caseSensitive }) => {
  const folded = caseSensitive ? patterns : patterns.map((pattern) => pattern.toLowerCase());
  const offenders = paths.paths.filter((path) => matchesAnyGlob(folded, caseSensitive ? path : path.toLowerCase()) !== null);
  if (offenders.length === 0) {
    return { name: "forbidden_paths", status: "passed", detail: "no forbidden path changed", offenders };
  }
  const detail =
    offenders.length === 1 ? `forbidden path ${offenders[0]}` : `${plural(offenders.length, "forbidden path")}: ${named(offenders)}`;
  return { name: "forbidden_paths", status: "failed", detail, offenders };
};
