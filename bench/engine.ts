/**
 * The pure engine on a large pull request (250 commits, 3 000 files, 50 rules;
 * goal < 5 ms median, contract < 20 ms): evaluate() timed alone after a warm-up, and the
 * surrounding pure steps of an evaluation (policy loading, check run rendering) for context.
 */
import { performance } from "node:perf_hooks";
import { detectUnder, evaluate } from "../src/policy/evaluate.js";
import { renderCheckRun } from "../src/report/check-run.js";
import { BENCH_TRUST, fiftyRulePolicy, largePullRequest, loadBenchPolicy } from "./large-pull-request.js";
import { distribution, type Distribution } from "./stats.js";

export interface EngineResult {
  evaluate: Distribution;
  loadPolicy: Distribution;
  render: Distribution;
  conclusion: string;
  rules: number;
  summaryChars: number;
}

function time(runs: number, work: () => unknown): Distribution {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return distribution(samples);
}

export function benchEngine(options: { warmup?: number; runs?: number } = {}): EngineResult {
  const warmup = options.warmup ?? 50;
  const runs = options.runs ?? 300;
  const text = fiftyRulePolicy();
  const loaded = loadBenchPolicy(text);
  const facts = largePullRequest(250, 3000);
  // Detection then the engine, as the app runs them: the figure covers both, as it always has.
  const judge = () => evaluate(loaded, facts, detectUnder(loaded, facts), BENCH_TRUST);
  const decision = judge();
  time(warmup, judge);
  time(warmup, () => loadBenchPolicy(text));
  time(warmup, () => renderCheckRun(decision));
  return {
    evaluate: time(runs, judge),
    loadPolicy: time(runs, () => loadBenchPolicy(text)),
    render: time(runs, () => renderCheckRun(decision)),
    conclusion: decision.conclusion,
    rules: decision.rules.length,
    summaryChars: renderCheckRun(decision).summary.length,
  };
}
