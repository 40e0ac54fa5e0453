/** The demo's stories, in the order they are told. */
import { forbiddenPath } from "./forbidden-path.js";
import { humanChange } from "./human-change.js";
import { policyChange } from "./policy-change.js";
import { seniorApproval } from "./senior-approval.js";
import { staleApproval } from "./stale-approval.js";
import type { Story } from "./story.js";
import { trustedAgent } from "./trusted-agent.js";

export type { Story } from "./story.js";

export const STORIES: Story[] = [seniorApproval, staleApproval, forbiddenPath, policyChange, humanChange, trustedAgent];
