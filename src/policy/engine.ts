/**
 * The evaluation itself, with its collaborators (detector, policy validator) passed in so
 * that the engine can be tested alone. `evaluate.ts` wires in the real ones.
 */
import type { Detection as DetectionConfig, LoadedPolicy, Policy, PolicyBlob, PolicyError, Rule } from "../config/policy.js";
import type { CommitDetection, Detection, Signal } from "../detect/types.js";
import type { CommitFacts, PullRequestFacts } from "../facts.js";
import { policyAnnotations } from "./annotations.js";
import { judgeApprovals, type ReviewSetting } from "./approvals.js";
import { Authorship } from "./authorship.js";
import { createContext, type EvaluationContext } from "./context.js";
import type { Decision, RuleResult, Trust } from "./decision.js";
import { runGates } from "./gates/table.js";
import { labelChange } from "./label.js";
import { judgeOverride } from "./override.js";
import { judgePolicyChange } from "./policy-change.js";
import { judgeConditions } from "./predicates/table.js";
import { audienceOf, describeAudience, Directory } from "./principals.js";
import { standingReviews } from "./reviews.js";
import { agentTrust, NEW_TIER, pullRequestTier } from "./tier.js";
import { verdict } from "./verdict.js";

export interface EngineDeps {
  detectPullRequest: (
    facts: Pick<PullRequestFacts, "author" | "commits" | "reviews" | "labels" | "headRef">,
    config: DetectionConfig,
    appLabel: string | false,
  ) => Detection;
  detectCommit: (commit: CommitFacts, config: DetectionConfig) => CommitDetection;
  agentSignOffs: (commit: CommitFacts, config: DetectionConfig) => Signal[];
  validatePolicyBlob: (blob: PolicyBlob, options?: { role?: "repository" | "organization" }) => PolicyError[];
  /** Detection settings (and the app's label, never a signal) used when the policy in force is
   * invalid, so the summary still shows the signals. */
  fallbackPolicy: () => Pick<Policy, "detection" | "label">;
}

export type Evaluate = (loaded: LoadedPolicy, facts: PullRequestFacts, trust: Trust) => Decision;

export function evaluateWith(deps: EngineDeps): Evaluate {
  return (loaded, facts, trust) => {
    try {
      return decide(deps, loaded, facts, trust);
    } catch (error) {
      // Fail closed: a bug must never let a pull request pass.
      return brokenDecision(loaded, facts, error);
    }
  };
}

function decide(deps: EngineDeps, loaded: LoadedPolicy, facts: PullRequestFacts, trust: Trust): Decision {
  const policy = loaded.ok ? loaded.policy : null;
  const { detection: detectionConfig, label: appLabel } = policy ?? deps.fallbackPolicy();
  const detection = deps.detectPullRequest(facts, detectionConfig, appLabel);
  const autonomy = policy?.autonomy ?? null;
  const agents = agentTrust(detection.agents, trust, autonomy);
  const tier = pullRequestTier(agents, autonomy);
  const context = createContext({ facts, detection, detectionConfig, tier, detectCommit: deps.detectCommit, agentSignOffs: deps.agentSignOffs });
  const directory = new Directory(facts.directory);
  const setting: ReviewSetting = {
    facts,
    authorship: new Authorship(context),
    reviews: standingReviews(facts.reviews),
    directory,
  };

  const rules = policy ? policy.rules.map((rule) => judgeRule(rule, context, setting)) : [];
  const policyChange = judgePolicyChange(policy, setting, deps.validatePolicyBlob);
  if (policyChange.rule) rules.push(policyChange.rule);
  const gates = policy && detection.aiAssisted ? runGates(context, policy.gates) : [];
  const override = policy ? judgeOverride(policy, facts, directory) : null;
  const baseErrors = loaded.ok ? [] : loaded.errors;
  const { conclusion, title } = verdict({ baseErrors, newPolicyErrors: policyChange.errors, rules, gates, override, detection });

  const decision: Decision = {
    conclusion,
    title,
    headSha: facts.headSha,
    policySource: loaded.source,
    policyErrors: [...baseErrors, ...policyChange.errors],
    detection,
    tier,
    agents,
    rules,
    gates,
    override,
    reviewRequests: unionOfRequests(rules),
    label: policy ? labelChange(policy.label, detection, facts) : { add: null, remove: null },
    annotations: [
      ...policyAnnotations(baseErrors, "Policy is invalid"),
      ...policyAnnotations(policyChange.errors, "The new policy is invalid"),
    ],
  };
  if (loaded.ok && loaded.warnings.length > 0) decision.policyWarnings = loaded.warnings;
  return decision;
}

function judgeRule(rule: Rule, context: EvaluationContext, setting: ReviewSetting): RuleResult {
  const audience = audienceOf(rule.require.from, "write", context.facts.owner);
  const { applies, why } = judgeConditions(context, rule.when);
  if (!applies) {
    return {
      name: rule.name,
      status: "not-applicable",
      why,
      needs: "",
      required: rule.require.approvals,
      eligible: describeAudience(audience),
      counted: [],
      ignored: [],
      changesRequestedBy: [],
      requestReviewers: { users: [], teams: [] },
    };
  }
  const requirement = { required: rule.require.approvals, audience, requestReview: rule.request_review };
  return { name: rule.name, why, ...judgeApprovals(requirement, setting) };
}

function unionOfRequests(rules: readonly RuleResult[]): { users: string[]; teams: string[] } {
  const users = new Set<string>();
  const teams = new Set<string>();
  for (const rule of rules) {
    for (const user of rule.requestReviewers.users) users.add(user);
    for (const team of rule.requestReviewers.teams) teams.add(team);
  }
  return { users: [...users], teams: [...teams] };
}

function brokenDecision(loaded: LoadedPolicy, facts: PullRequestFacts, error: unknown): Decision {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    conclusion: "failure",
    title: `Evaluation failed: ${reason}`.replace(/\s+/g, " ").slice(0, 200),
    headSha: facts.headSha,
    policySource: loaded.source,
    policyErrors: loaded.ok ? [] : loaded.errors,
    detection: { aiAssisted: false, agents: [], pullRequestSignals: [], commits: [] },
    tier: NEW_TIER,
    agents: [],
    rules: [],
    gates: [],
    override: null,
    reviewRequests: { users: [], teams: [] },
    label: { add: null, remove: null },
    annotations: [],
  };
}
