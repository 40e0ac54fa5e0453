import type { Predicate } from "./predicate.js";

/** Any changed file — new or old path of a rename — matches one of the globs. */
export const paths: Predicate<string[]> = ({ paths: changed }, patterns) => {
  const match = changed.firstMatchOfAny(patterns);
  if (match) return { holds: true, why: { code: "paths-matched", file: match.path, glob: match.pattern } };
  return { holds: false, why: { code: "paths-unmatched", globs: patterns } };
};
