import { strings } from "../../config/schema-parts.js";
import { normalizeLogin } from "../../detect/login.js";
import { condition, type Predicate } from "./predicate.js";

/** Any of the PR's agents is named: catalogue ids ("claude-code") or bot logins ("acme-coder[bot]"). */
export const agents: Predicate<string[]> = ({ detection }, wanted) => {
  const names = new Set(wanted.map(normalizeLogin));
  const match = detection.agents.find((agent) => names.has(normalizeLogin(agent)));
  if (match !== undefined) return { holds: true, why: { code: "agent-named", agent: match, wanted } };
  return { holds: false, why: { code: "no-agent-named", wanted, agents: detection.agents } };
};

export const agentsCondition = condition(
  "agents",
  strings("Holds when one of the pull request's agents is listed (catalogue ids such as `copilot`, `claude-code`, or bot logins).", {
    examples: [["copilot", "claude-code"]],
  }),
  agents,
);
