import { matchesAnyGlob } from "../glob.js";
import { listed } from "../listing.js";
import type { Predicate } from "./predicate.js";

/** The base branch matches one of the globs (`main`, `release/*`). */
export const base: Predicate<string[]> = ({ facts }, patterns) => {
  const pattern = matchesAnyGlob(patterns, facts.baseRef);
  if (pattern !== null) return { holds: true, why: `base: ${facts.baseRef} matches ${pattern}` };
  return { holds: false, why: `base: ${facts.baseRef} matches none of ${listed(patterns)}` };
};
