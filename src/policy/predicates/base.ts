import { globs } from "../../config/schema-parts.js";
import { matchesAnyGlob } from "../glob.js";
import { condition, type Predicate } from "./predicate.js";

/** The base branch matches one of the globs (`main`, `release/*`). */
export const base: Predicate<string[]> = ({ facts }, patterns) => {
  const pattern = matchesAnyGlob(patterns, facts.baseRef);
  if (pattern !== null) return { holds: true, why: { code: "base-matched", base: facts.baseRef, glob: pattern } };
  return { holds: false, why: { code: "base-unmatched", base: facts.baseRef, globs: patterns } };
};

export const baseCondition = condition(
  "base",
  globs("Holds when the base branch matches one of these globs.", { examples: [["main", "release/*"]] }),
  base,
);
