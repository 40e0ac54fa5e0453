import { oneOf } from "../../config/schema-parts.js";
import { listed } from "../listing.js";
import { condition, type Predicate } from "./predicate.js";

/** `ai: true` selects AI-assisted PRs, `false` human-only ones, `any` both. */
export const ai: Predicate<boolean | "any"> = ({ detection }, wanted) => {
  const found = detection.aiAssisted
    ? `AI-assisted${detection.agents.length > 0 ? ` (${listed(detection.agents)})` : ""}`
    : "no AI involvement detected";
  if (wanted === "any") return { holds: true, why: `ai: any — ${found}` };
  return { holds: detection.aiAssisted === wanted, why: `ai: ${wanted} — ${found}` };
};

export const aiCondition = condition(
  "ai",
  oneOf([true, false, "any"] as const, {
    default: true,
    description: "`true`: AI-assisted pull requests only; `false`: human-only pull requests only; `any`: both. Default `true`.",
  }),
  ai,
);
