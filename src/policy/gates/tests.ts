import { globs, mapping } from "../../config/schema-parts.js";
import { matchesAnyGlob } from "../glob.js";
import { type Gate, gate } from "./gate.js";

/** When a file under `when_changed` changes, some file under `require_changed` must change too. */
export const tests: Gate<{ when_changed: string[]; require_changed: string[] }> = ({ paths }, config) => {
  const trigger = paths.firstMatchOfAny(config.when_changed);
  if (!trigger) return { name: "tests", status: "passed", reason: { code: "no-test-required" } };
  const test = paths.firstMatchOfAny(config.require_changed);
  if (test) return { name: "tests", status: "passed", reason: { code: "changed-with-test", file: trigger.path, test: test.path } };
  const files = paths.paths.filter((path) => matchesAnyGlob(config.when_changed, path) !== null);
  return { name: "tests", status: "failed", reason: { code: "changed-without-test", files, globs: config.require_changed } };
};

export const testsGate = gate(
  "tests",
  mapping("Fail when a file matching `when_changed` changed but no file matching `require_changed` did.", {
    when_changed: globs("Source globs that call for tests.", { examples: [["src/**"]] }),
    require_changed: globs("Test globs, one of which must change too.", { examples: [["test/**", "**/*.test.*"]] }),
  }),
  tests,
);
