import { strings } from "../../config/schema-parts.js";
import { condition, type Predicate } from "./predicate.js";

/** The PR's autonomy tier (the lowest of its agents') is one of these. */
export const tier: Predicate<string[]> = ({ tier: current }, wanted) => {
  const holds = wanted.some((name) => name.toLowerCase() === current.toLowerCase());
  return { holds, why: { code: "tier", tier: current, wanted, holds } };
};

export const tierCondition = condition(
  "tier",
  strings(
    "Holds when the autonomy tier of the pull request's agents (the lowest, if several) is listed: a tier name from `autonomy.tiers`, or `new`.",
    { examples: [["new"]] },
  ),
  tier,
);
