/**
 * The pure engine: (policy, facts, detection, trust) → decision. No I/O, never throws: any
 * bug becomes a failure decision. Detection runs first (`detectUnder`) and is passed in, so
 * the engine and whoever records the merge read the same signals.
 */
import { DEFAULT_POLICY, validatePolicyBlob } from "../config/load.js";
import type { LoadedPolicy, Rule } from "../config/policy.js";
import { detectPullRequest } from "../detect/detect.js";
import type { Detection } from "../detect/types.js";
import type { PullRequestFacts } from "../facts.js";
import { policyAnnotations } from "./annotations.js";
import { NEW_TIER, pullRequestTier, trustOfAgents } from "./autonomy.js";
import { judgeApprovals, type ReviewSetting } from "./approvals.js";
import { Authorship } from "./authorship.js";
import { createContext, type EvaluationContext } from "./context.js";
import type { Decision, RuleResult, Trust } from "./decision.js";
import { runGates } from "./gates/table.js";
import { labelChange } from "./label.js";
import { judgeOverride } from "./override.js";
import { judgePolicyChange } from "./policy-change.js";
import { unreadParts } from "./completeness.js";
import { judgeConditions } from "./predicates/table.js";
import { DirectoryAnswers, ruleAudience } from "./principals.js";
import { standingReviews } from "./reviews.js";
import { verdict } from "./verdict.js";

/**
 * What the detector finds under the policy in force. An invalid policy detects with the
 * defaults (and the app's default label, never a signal), so the summary still shows the signals.
 */
export function detectUnder(
  loaded: LoadedPolicy,
  facts: Pick<PullRequestFacts, "author" | "commits" | "reviews" | "labels" | "headRef" | "body" | "pushers">,
): Detection {
  const { detection, label } = loaded.ok ? loaded.policy : DEFAULT_POLICY;
  return detectPullRequest(facts, detection, label);
}

export function evaluate(loaded: LoadedPolicy, facts: PullRequestFacts, detection: Detection, trust: Trust): Decision {
  try {
    return decide(loaded, facts, detection, trust);
  } catch (error) {
    // Fail closed: a bug must never let a pull request pass.
    return brokenDecision(loaded, facts, error);
  }
}

function decide(loaded: LoadedPolicy, facts: PullRequestFacts, detection: Detection, trust: Trust): Decision {
  const policy = loaded.ok ? loaded.policy : null;
  const autonomy = policy?.autonomy ?? null;
  const agents = trustOfAgents(detection.agents, trust, autonomy);
  const tier = pullRequestTier(agents, autonomy);
  const context = createContext({ facts, detection, tier });
  const directory = new DirectoryAnswers(facts.directory);
  const setting: ReviewSetting = {
    facts,
    authorship: new Authorship(facts, detection),
    reviews: standingReviews(facts.reviews),
    directory,
  };

  const rules = policy ? policy.rules.map((rule) => judgeRule(rule, context, setting)) : [];
  const policyChange = judgePolicyChange(policy, setting, validatePolicyBlob);
  if (policyChange.rule) rules.push(policyChange.rule);
  const gates = policy && detection.aiAssisted ? runGates(context, policy.gates) : [];
  const override = policy ? judgeOverride(policy, facts, directory) : null;
  const baseErrors = loaded.ok ? [] : loaded.errors;
  const unread = unreadParts(facts);
  const { conclusion, headline } = verdict({ baseErrors, newPolicyErrors: policyChange.errors, rules, gates, override, detection, unread });

  const decision: Decision = {
    conclusion,
    headline,
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
      ...policyAnnotations(baseErrors, "policy"),
      ...policyAnnotations(policyChange.errors, "proposal"),
    ],
  };
  if (loaded.ok && loaded.warnings.length > 0) decision.policyWarnings = loaded.warnings;
  if (unread.length > 0) decision.unread = unread;
  return decision;
}

function judgeRule(rule: Rule, context: EvaluationContext, setting: ReviewSetting): RuleResult {
  const audience = ruleAudience(rule, context.facts.owner);
  const { applies, why } = judgeConditions(context, rule.when);
  if (!applies) {
    return {
      name: rule.name,
      status: "not-applicable",
      why,
      needs: null,
      required: rule.require.approvals,
      eligible: audience,
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
    headline: { code: "evaluation-failed", error: reason },
    headSha: facts.headSha,
    policySource: loaded.source,
    policyErrors: loaded.ok ? [] : loaded.errors,
    detection: { aiAssisted: false, agents: [], pullRequestSignals: [], commits: [], agentAccounts: {}, agentSignOffs: [] },
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
