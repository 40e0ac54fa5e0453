/**
 * GitHub's example webhook payloads (@octokit/webhooks-examples), the starting point of every
 * payload the simulator delivers: real envelopes, then filled with the world's data.
 */
import { createRequire } from "node:module";

interface ExampleSet {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}

let examples: Map<string, ExampleSet> | undefined;

function load(): Map<string, ExampleSet> {
  if (!examples) {
    const sets = createRequire(import.meta.url)("@octokit/webhooks-examples") as ExampleSet[];
    examples = new Map(sets.map((s) => [s.name, s]));
  }
  return examples;
}

/** A deep copy of the best example for event/action: same action, preferably one carrying `installation`. */
export function examplePayload(event: string, action: string | undefined): Record<string, unknown> {
  const set = load().get(event);
  if (!set) throw new Error(`no webhook example for event "${event}"`);
  const sameAction = set.examples.filter((e) => e.action === action);
  const pool = sameAction.length > 0 ? sameAction : set.examples;
  const best = pool.find((e) => "installation" in e) ?? pool[0];
  const payload = structuredClone(best);
  if (action !== undefined) payload.action = action;
  return payload;
}

export function knownEvents(): string[] {
  return [...load().keys()];
}
