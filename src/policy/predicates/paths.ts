import { globs } from "../../config/schema-parts.js";
import { condition, type Predicate } from "./predicate.js";

/** Any changed file — new or old path of a rename — matches one of the globs. */
export const paths: Predicate<string[]> = ({ paths: changed }, patterns) => {
  const match = changed.firstMatchOfAny(patterns);
  if (match) return { holds: true, why: { code: "paths-matched", file: match.path, glob: match.pattern } };
  return { holds: false, why: { code: "paths-unmatched", globs: patterns } };
};

export const pathsCondition = condition(
  "paths",
  globs("Holds when any changed file (old or new path of a rename) matches one of these globs.", { examples: [["src/**"]] }),
  paths,
);
