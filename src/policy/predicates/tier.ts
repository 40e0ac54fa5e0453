import { listed } from "../listing.js";
import type { Predicate } from "./predicate.js";

/** The PR's autonomy tier (the lowest of its agents') is one of these. */
export const tier: Predicate<string[]> = ({ tier: current }, wanted) => {
  const holds = wanted.some((name) => name.toLowerCase() === current.toLowerCase());
  return { holds, why: `tier: ${current} ${holds ? "is" : "is not"} one of ${listed(wanted)}` };
};
