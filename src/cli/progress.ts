/**
 * The backfill's progress on stderr: on a terminal one line redrawn in place with a bar, in
 * a log (CI, a pipe) one line per page, so the log shows progress without a flood.
 */
import type { BackfillPhase } from "../backfill/checkpoint.js";
import type { BackfillProgress } from "../backfill/scan.js";

const PHASE: Record<BackfillPhase, string> = {
  pulls: "closed pull requests",
  "catch-up": "pull requests updated meanwhile",
  reverts: "revert pull requests",
  commits: "default-branch commits",
  done: "done",
};
const BAR_WIDTH = 20;

export function progressLine(progress: BackfillProgress): string {
  const { merged, aiMerges, reverts, commits } = progress.counts;
  const of = progress.lastPage === null ? "" : `/${progress.lastPage}`;
  const bar = progress.lastPage === null ? "" : ` ${meter(Math.min(1, progress.page / progress.lastPage))}`;
  const where = progress.phase === "reverts" ? PHASE.reverts : `${PHASE[progress.phase]}, page ${progress.page}${of}${bar}`;
  return `${where} — merged PRs ${merged}, AI merges recorded ${aiMerges}, reverts recorded ${reverts}, commits ${commits}`;
}

function meter(fraction: number): string {
  const filled = Math.round(fraction * BAR_WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
}

export interface ProgressDisplay {
  update(progress: BackfillProgress): void;
  /** A line of its own (a rate-limit wait), keeping the bar below it. */
  note(text: string): void;
  /** Ends the redrawn line so later output starts on a fresh one. */
  end(): void;
}

export function progressDisplay(stream: { write(text: string): unknown; isTTY?: boolean }): ProgressDisplay {
  const tty = stream.isTTY === true;
  let shown = "";
  let lastPage = "";
  return {
    update(progress) {
      const line = progressLine(progress);
      if (tty) {
        // Clear the line, then draw: the new text may be shorter than the old.
        stream.write(`\r\x1b[2K${line}`);
        shown = line;
        return;
      }
      const page = `${progress.phase}:${progress.page}`;
      if (page === lastPage) return;
      lastPage = page;
      stream.write(`${line}\n`);
    },
    note(text) {
      if (tty && shown !== "") stream.write(`\r\x1b[2K${text}\n${shown}`);
      else stream.write(`${text}\n`);
    },
    end() {
      if (tty && shown !== "") stream.write("\n");
      shown = "";
    },
  };
}
