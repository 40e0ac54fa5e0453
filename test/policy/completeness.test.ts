/** A pull request is judged only on what was read: when GitHub lists less than it says exists, it cannot pass. */
import { describe, expect, it } from "@jest/globals";
import type { ChangedFile } from "../../src/facts.js";
import { renderCheckRun } from "../../src/report/check-run.js";
import { commit, decide, facts, humanFacts, OLDER, policy } from "./factories.js";

const manyFiles = (count: number): ChangedFile[] => Array.from({ length: count }, (_, i) => ({ path: `src/f${i}.ts`, additions: 1, deletions: 0 }));
const gates = { forbidden_paths: ["**/*.pem"], required_checks: [], forbid_agent_signoff: false };

describe("completeness", () => {
  it("a pull request whose lists match GitHub's totals is judged as usual", () => {
    const decision = decide({ facts: humanFacts({ totals: { commits: 1, files: 1 } }) });
    expect(decision.conclusion).toBe("success");
    expect(decision.unread).toBeUndefined();
  });

  it("an AI pull request of 3 006 files, listed to 3 000, fails and says what could not be read (its 3 006th file may be a forbidden *.pem)", () => {
    const decision = decide({ policy: policy({ rules: [], gates }), facts: facts({ files: manyFiles(3000), totals: { commits: 1, files: 3006 } }) });
    expect(decision.gates.map((gate) => gate.status)).toEqual(["passed"]);
    expect(decision.conclusion).toBe("failure");
    expect(decision.title).toBe("Could not read the whole pull request: GitHub listed 3000 of 3006 files");
    expect(decision.unread).toEqual([{ what: "files", read: 3000, total: 3006 }]);
    expect(renderCheckRun(decision).summary).toMatch(/### Not read in full\n\n- GitHub listed 3000 of 3006 files: the rest was never judged/);
  });

  it("a human-looking pull request with commits that were not read fails too (an unread commit may carry an agent's trailer)", () => {
    const decision = decide({ facts: humanFacts({ commits: [commit(), commit({ sha: OLDER })], totals: { commits: 300, files: 1 } }) });
    expect(decision.conclusion).toBe("failure");
    expect(decision.title).toBe("Could not read the whole pull request: GitHub listed 2 of 300 commits");
  });

  it("a pull request with more labels than were read fails (the 101st may declare AI help)", () => {
    const labels = Array.from({ length: 100 }, (_, i) => ({ name: `area-${i}`, appliedBy: null }));
    const decision = decide({ facts: humanFacts({ labels, totals: { commits: 1, files: 1, labels: 101 } }) });
    expect(decision.title).toBe("Could not read the whole pull request: GitHub listed 100 of 101 labels");
  });

  it("without totals (local git reads everything itself) nothing is compared", () => {
    expect(decide({ facts: humanFacts({ files: manyFiles(4000) }) }).conclusion).toBe("success");
  });
});
