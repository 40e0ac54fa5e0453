import { globs } from "../../config/schema-parts.js";
import { matchesAnyGlob } from "../glob.js";
import { type Gate, gate, named, plural } from "./gate.js";

/** No changed file — new or old path of a rename — may match a forbidden glob. */
export const forbiddenPaths: Gate<string[]> = ({ paths }, patterns) => {
  const offenders = paths.paths.filter((path) => matchesAnyGlob(patterns, path) !== null);
  if (offenders.length === 0) {
    return { name: "forbidden_paths", status: "passed", detail: "no forbidden path changed", offenders };
  }
  const detail =
    offenders.length === 1 ? `forbidden path ${offenders[0]}` : `${plural(offenders.length, "forbidden path")}: ${named(offenders)}`;
  return { name: "forbidden_paths", status: "failed", detail, offenders };
};

export const forbiddenPathsGate = gate(
  "forbidden_paths",
  globs("Fail when a changed file matches one of these globs.", { default: [], examples: [[".github/workflows/**", "**/*.pem"]] }),
  forbiddenPaths,
);
