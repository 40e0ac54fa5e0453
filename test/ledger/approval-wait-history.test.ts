import { describe, expect, it } from "@jest/globals";
import { approvalWaitsFrom, type RecordedRules } from "../../src/ledger/approval-wait-history.js";

const at = (hour: number) => `2026-06-01T${String(hour).padStart(2, "0")}:00:00.000Z`;
const seen = (hour: number, status: string, teams?: string[]): RecordedRules => ({ at: at(hour), rules: [{ name: "review", status, ...(teams ? { teams } : {}) }] });

describe("approval waits replayed from a pull request's decisions", () => {
  it.each<[string, RecordedRules[], ReturnType<typeof approvalWaitsFrom>]>([
    ["a wait runs from the first decision that found the rule waiting to the first that found it met", [seen(1, "waiting"), seen(2, "waiting"), seen(3, "met"), seen(5, "met")], [{ rule: "review", waitingSince: at(1), metAt: at(3), teams: null }]],
    ["a rule never met is still waiting", [seen(1, "waiting")], [{ rule: "review", waitingSince: at(1), metAt: null, teams: null }]],
    ["a rule met without waiting first did not wait", [seen(1, "met"), seen(2, "not-applicable")], []],
    ["a wait is counted once, even when the rule waits again after it was met", [seen(1, "waiting"), seen(2, "met"), seen(3, "waiting"), seen(4, "met")], [{ rule: "review", waitingSince: at(1), metAt: at(2), teams: null }]],
    ["the teams are those the waiting decision recorded, sorted, once each", [seen(1, "waiting", ["acme/b", "acme/a", "acme/b"]), seen(2, "met", ["acme/c"])], [{ rule: "review", waitingSince: at(1), metAt: at(2), teams: ["acme/a", "acme/b"] }]],
    ["else those the decision that met it recorded", [seen(1, "waiting"), seen(2, "met", ["acme/c"])], [{ rule: "review", waitingSince: at(1), metAt: at(2), teams: ["acme/c"] }]],
    ["a rule only users or a permission could approve has no team", [seen(1, "waiting", []), seen(2, "met", [])], [{ rule: "review", waitingSince: at(1), metAt: at(2), teams: [] }]],
  ])("%s", (_sentence, decisions, waits) => {
    expect(approvalWaitsFrom(decisions)).toEqual(waits);
  });
});
