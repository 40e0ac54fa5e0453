import { strings } from "../../config/schema-parts.js";
import { condition, type Predicate } from "./predicate.js";

/** The PR carries one of the labels (GitHub label names are case-insensitive). */
export const labels: Predicate<string[]> = ({ facts }, wanted) => {
  const carried = new Set(facts.labels.map((label) => label.name.toLowerCase()));
  const match = wanted.find((label) => carried.has(label.toLowerCase()));
  if (match !== undefined) return { holds: true, why: { code: "label-carried", label: match } };
  return { holds: false, why: { code: "no-label-carried", wanted } };
};

export const labelsCondition = condition(
  "labels",
  strings("Holds when the pull request has one of these labels.", { examples: [["needs-senior"]] }),
  labels,
);
