import type { TestsGate } from "../../config/policy.js";
import { matchesAnyGlob } from "../glob.js";
import type { Gate } from "./gate.js";

/** When a file under `when_changed` changes, some file under `require_changed` must change too. */
export const tests: Gate<TestsGate> = ({ paths }, config) => {
  const trigger = paths.firstMatchOfAny(config.when_changed);
  if (!trigger) return { name: "tests", status: "passed", reason: { code: "no-test-required" } };
  const test = paths.firstMatchOfAny(config.require_changed);
  if (test) return { name: "tests", status: "passed", reason: { code: "changed-with-test", file: trigger.path, test: test.path } };
  const files = paths.paths.filter((path) => matchesAnyGlob(config.when_changed, path) !== null);
  return { name: "tests", status: "failed", reason: { code: "changed-without-test", files, globs: config.require_changed } };
};
