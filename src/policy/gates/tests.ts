import { globs, mapping } from "../../config/schema-parts.js";
import { matchesAnyGlob } from "../glob.js";
import { type Gate, gate, named } from "./gate.js";

/** When a file under `when_changed` changes, some file under `require_changed` must change too. */
export const tests: Gate<{ when_changed: string[]; require_changed: string[] }> = ({ paths }, config) => {
  const trigger = paths.firstMatchOfAny(config.when_changed);
  if (!trigger) {
    return { name: "tests", status: "passed", detail: "no file that requires tests changed", offenders: [] };
  }
  const test = paths.firstMatchOfAny(config.require_changed);
  if (test) {
    return { name: "tests", status: "passed", detail: `${trigger.path} changed with ${test.path}`, offenders: [] };
  }
  const offenders = paths.paths.filter((path) => matchesAnyGlob(config.when_changed, path) !== null);
  return {
    name: "tests",
    status: "failed",
    detail: `${named(offenders)} changed without a test (nothing matches ${config.require_changed.join(", ")})`,
    offenders,
  };
};

export const testsGate = gate(
  "tests",
  mapping("Fail when a file matching `when_changed` changed but no file matching `require_changed` did.", {
    when_changed: globs("Source globs that call for tests.", { examples: [["src/**"]] }),
    require_changed: globs("Test globs, one of which must change too.", { examples: [["test/**", "**/*.test.*"]] }),
  }),
  tests,
);
