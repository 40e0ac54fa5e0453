import type { Predicate } from "./predicate.js";

/** `ai: true` selects AI-assisted PRs, `false` human-only ones, `any` both. */
export const ai: Predicate<boolean | "any"> = ({ detection }, wanted) => ({
  holds: wanted === "any" || detection.aiAssisted === wanted,
  why: { code: "ai", wanted, aiAssisted: detection.aiAssisted, agents: detection.agents },
});
