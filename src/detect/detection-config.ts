/**
 * The policy's `detection` section compiled once per policy object: globs become
 * matchers, logins become patterns. Cached by object identity so that evaluating every commit
 * of a pull request builds nothing new.
 */
import { Minimatch } from "minimatch";
import type { Detection as DetectionConfig } from "../config/detection.js";
import { keyNamesAi } from "./ai-names.js";
import type { IdentityConfig } from "./identity.js";
import { parseLoginPattern } from "./login.js";
import { CONFIDENCES, type Confidence } from "./types.js";

export { DEFAULT_DETECTION } from "../config/detection.js";

export interface GlobMatcher {
  /** As written in the policy: shown in signals, used as the agent id of co-author globs. */
  pattern: string;
  matches(text: string): boolean;
}

export interface CompiledDetection {
  catalog: boolean;
  identity: IdentityConfig;
  /** Lower-case trailer key → whether the key itself says "AI" (`AI-Assisted: yes`). */
  trailerKeys: Map<string, { keyNamesAi: boolean }>;
  coAuthors: GlobMatcher[];
  /** Lower-case label names. */
  labels: Set<string>;
  branches: GlobMatcher[];
  /** Confidences that make a pull request AI-assisted. */
  count: ReadonlySet<Confidence>;
  /** Bots neither known agents nor known automation: counted (`ai`), shown (`report`) or dropped. */
  unknownBots: "ai" | "report" | "ignore";
  /** Whether an AI reviewer's review makes the pull request AI-assisted. */
  reviewers: "ai" | "ignore";
}

const cache = new WeakMap<DetectionConfig, CompiledDetection>();

export function compileDetection(config: DetectionConfig): CompiledDetection {
  const cached = cache.get(config);
  if (cached) return cached;
  const compiled: CompiledDetection = {
    catalog: config.catalog !== false,
    identity: {
      catalog: config.catalog !== false,
      bots: strings(config.bots).map((login) => ({ pattern: parseLoginPattern(login), agent: login.trim() })),
      notAi: strings(config.not_ai).map(parseLoginPattern),
    },
    trailerKeys: new Map(strings(config.trailers).map((key) => [key.trim().toLowerCase(), { keyNamesAi: keyNamesAi(key.trim()) }])),
    coAuthors: globs(config.co_authors, { nocase: true, dot: true, nocomment: true }),
    labels: new Set(strings(config.labels).map((label) => label.trim().toLowerCase())),
    branches: globs(config.branches, { dot: true, nocomment: true }),
    count: new Set(Array.isArray(config.count) ? config.count.filter((c): c is Confidence => CONFIDENCES.includes(c as Confidence)) : CONFIDENCES),
    unknownBots: config.unknown_bots === "ai" || config.unknown_bots === "ignore" ? config.unknown_bots : "report",
    reviewers: config.reviewers === "ignore" ? "ignore" : "ai",
  };
  cache.set(config, compiled);
  return compiled;
}

/** Validated policies only hold strings here; stay total if a caller passes something else. */
function strings(list: readonly unknown[] | undefined): string[] {
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string" && item.trim() !== "") : [];
}

function globs(list: readonly unknown[] | undefined, options: ConstructorParameters<typeof Minimatch>[1]): GlobMatcher[] {
  return strings(list).map((pattern) => {
    const matcher = new Minimatch(pattern.trim(), options);
    return { pattern: pattern.trim(), matches: (text: string) => matcher.match(text) };
  });
}
