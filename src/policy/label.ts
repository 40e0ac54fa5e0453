/**
 * Keep the app's label in step with detection: add it to AI-assisted PRs; remove
 * it when a PR stops being AI-assisted, but only when the app (a bot) or nobody known put
 * it there — a person who applied it was declaring AI help, and that is theirs to undo.
 */
import type { Detection } from "../detect/types.js";
import type { PullRequestFacts } from "../facts.js";
import type { Decision } from "./decision.js";

export function labelChange(appLabel: string | false, detection: Detection, facts: PullRequestFacts): Decision["label"] {
  if (appLabel === false || appLabel === "") return { add: null, remove: null };
  const carried = facts.labels.find((label) => label.name.toLowerCase() === appLabel.toLowerCase());
  if (detection.aiAssisted) return { add: carried ? null : appLabel, remove: null };
  const removable = carried && carried.appliedBy?.isBot !== false;
  return { add: null, remove: removable ? carried.name : null };
}
