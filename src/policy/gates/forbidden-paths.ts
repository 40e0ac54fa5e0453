import { matchesAnyGlob } from "../glob.js";
import type { Gate } from "./gate.js";

/** No changed file — new or old path of a rename — may match a forbidden glob. */
export const forbiddenPaths: Gate<string[]> = ({ paths }, patterns) => {
  const offenders = paths.paths.filter((path) => matchesAnyGlob(patterns, path) !== null);
  return offenders.length === 0
    ? { name: "forbidden_paths", status: "passed", reason: { code: "no-forbidden-path" } }
    : { name: "forbidden_paths", status: "failed", reason: { code: "forbidden-paths", paths: offenders } };
};
