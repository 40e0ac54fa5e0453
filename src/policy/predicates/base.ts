import { globs } from "../../config/schema-parts.js";
import { matchesAnyGlob } from "../glob.js";
import { listed } from "../listing.js";
import { condition, type Predicate } from "./predicate.js";

/** The base branch matches one of the globs (`main`, `release/*`). */
export const base: Predicate<string[]> = ({ facts }, patterns) => {
  const pattern = matchesAnyGlob(patterns, facts.baseRef);
  if (pattern !== null) return { holds: true, why: `base: ${facts.baseRef} matches ${pattern}` };
  return { holds: false, why: `base: ${facts.baseRef} matches none of ${listed(patterns)}` };
};

export const baseCondition = condition(
  "base",
  globs("Holds when the base branch matches one of these globs.", { examples: [["main", "release/*"]] }),
  base,
);
