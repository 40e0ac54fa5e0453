import { Type } from "@sinclair/typebox";
import { flag, globs } from "../../config/schema-parts.js";
import { matchesAnyGlob } from "../glob.js";
import { type Gate, gateOf } from "./gate.js";

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

export const forbiddenPathsGate = gateOf(
  {
    forbidden_paths: Type.Optional(
      globs("Fail when a changed file matches one of these globs.", { default: [], examples: [[".github/workflows/**", "**/*.pem"]] }),
    ),
    forbidden_paths_case_sensitive: Type.Optional(
      flag(
        "Match `forbidden_paths` with case as written. Default `false`: `**/*.pem` also forbids `certs/SERVER.PEM`, so case cannot sidestep the gate.",
        false,
      ),
    ),
  },
  (settings) =>
    settings.forbidden_paths !== undefined && settings.forbidden_paths.length > 0
      ? { patterns: settings.forbidden_paths, caseSensitive: settings.forbidden_paths_case_sensitive === true }
      : undefined,
  forbiddenPaths,
);
