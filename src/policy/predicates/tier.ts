import { strings } from "../../config/schema-parts.js";
import { listed } from "../listing.js";
import { condition, type Predicate } from "./predicate.js";

/** The PR's autonomy tier (the lowest of its agents') is one of these. */
export const tier: Predicate<string[]> = ({ tier: current }, wanted) => {
  const holds = wanted.some((name) => name.toLowerCase() === current.toLowerCase());
  return { holds, why: `tier: ${current} ${holds ? "is" : "is not"} one of ${listed(wanted)}` };
};

export const tierCondition = condition(
  "tier",
  strings(
    "Holds when the autonomy tier of the pull request's agents (the lowest, if several) is listed: a tier name from `autonomy.tiers`, or `new`.",
    { examples: [["new"]] },
  ),
  tier,
);
