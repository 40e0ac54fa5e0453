import { describe, expect, it } from "@jest/globals";
import { editDistance, nearestName } from "../../src/config/nearest.js";

describe("did you mean", () => {
  const topLevel = ["version", "extends", "enforce", "detection", "label", "rules", "gates", "autonomy", "policy_admins", "override"];

  it.each([
    ["rule", "rules"],
    ["Rules", "rules"],
    ["lable", "label"],
    ["autonmy", "autonomy"],
    ["policy-admins", "policy_admins"],
    ["overide", "override"],
  ])("`%s` suggests `%s`", (typed, meant) => {
    expect(nearestName(typed, topLevel)).toBe(meant);
  });

  it.each([["zebra"], ["x"], ["reviewers"]])("`%s` is too far from every key to suggest one", (typed) => {
    expect(nearestName(typed, topLevel)).toBeUndefined();
  });

  it("an adjacent swap is one edit", () => {
    expect(editDistance("tiers", "tiesr")).toBe(1);
  });
});
