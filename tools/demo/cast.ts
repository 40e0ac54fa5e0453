/**
 * The demo's organisation: people, teams and two repositories with their policies. Every
 * story plays here; the policies are printed as the demo starts so a reader knows the rules.
 */
import type { World } from "@agent-governance/github-simulator";

export const ORG = "acme";
export const PAYMENTS = `${ORG}/payments`;
export const CHECKOUT = `${ORG}/checkout`;
export const COPILOT = "copilot-swe-agent[bot]";
export const CLAUDE_CO_AUTHOR = "Co-Authored-By: Claude <noreply@anthropic.com>";

export const PAYMENTS_POLICY = `version: 1
rules:
  - name: senior approval          # AI-assisted PRs (the default \`when\`)
    require:
      approvals: 1
      from: { teams: [senior-engineers] }
gates:
  forbidden_paths: [".github/workflows/**", "**/*.pem"]
policy_admins:
  teams: [platform-leads]
`;

export const CHECKOUT_POLICY = `version: 1
autonomy:
  tiers:
    - { name: established, min_merged: 3, max_revert_rate: 0.2 }
  demote_on_revert_days: 14
rules:
  - name: new agents need two seniors
    when: { ai: true, tier: [new] }
    require: { approvals: 2, from: { teams: [senior-engineers] } }
  - name: established agents need one senior
    when: { ai: true, tier: [established] }
    require: { approvals: 1, from: { teams: [senior-engineers] } }
`;

export const PEOPLE: Array<[login: string, role: string]> = [
  ["alice", "developer; works with Claude Code"],
  ["bob", "developer (write access, not a senior)"],
  ["carol", "senior-engineers"],
  ["dave", "senior-engineers"],
  ["root", "platform-leads (policy admin)"],
];

export function setUpCast(world: World): void {
  world.addOrg(ORG, { members: ["alice", "bob", "carol", "dave"], admins: ["root"] });
  world.addTeam(ORG, "senior-engineers", ["carol", "dave"]);
  world.addTeam(ORG, "platform-leads", ["root"]);
  world.addUser(COPILOT, { id: 198982749 });
  world.addRepo(ORG, "payments", { files: { ".agent-governance.yml": PAYMENTS_POLICY, "src/capture.ts": "export {};\n" } });
  world.addRepo(ORG, "checkout", { files: { ".agent-governance.yml": CHECKOUT_POLICY, "src/cart.ts": "export {};\n" } });
  for (const repo of [PAYMENTS, CHECKOUT]) {
    for (const login of ["alice", "bob", "carol", "dave"]) world.setPermission(repo, login, "write");
  }
}
