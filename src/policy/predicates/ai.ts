import { oneOf } from "../../config/schema-parts.js";
import { condition, type Predicate } from "./predicate.js";

/** `ai: true` selects AI-assisted PRs, `false` human-only ones, `any` both. */
export const ai: Predicate<boolean | "any"> = ({ detection }, wanted) => ({
  holds: wanted === "any" || detection.aiAssisted === wanted,
  why: { code: "ai", wanted, aiAssisted: detection.aiAssisted, agents: detection.agents },
});

export const aiCondition = condition(
  "ai",
  oneOf([true, false, "any"] as const, {
    default: true,
    description: "`true`: AI-assisted pull requests only; `false`: human-only pull requests only; `any`: both. Default `true`.",
  }),
  ai,
);
