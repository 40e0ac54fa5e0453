import { matchesAnyGlob } from "../glob.js";
import type { Predicate } from "./predicate.js";

/** The base branch matches one of the globs (`main`, `release/*`). */
export const base: Predicate<string[]> = ({ facts }, patterns) => {
  const pattern = matchesAnyGlob(patterns, facts.baseRef);
  if (pattern !== null) return { holds: true, why: { code: "base-matched", base: facts.baseRef, glob: pattern } };
  return { holds: false, why: { code: "base-unmatched", base: facts.baseRef, globs: patterns } };
};
