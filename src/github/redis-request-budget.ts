/**
 * The request budgets of every replica in one place (REDIS_URL): replicas acting for the same
 * installation share GitHub's ceilings, so they share the windows too. One sorted set per
 * installation and budget (score = time, member = cost and a nonce), checked and recorded by
 * one script so that two replicas never both take the last slot; times come from Redis, so
 * the replicas' clocks need not agree. An installation's keys share a hash tag, so the script
 * runs on a Redis Cluster too.
 *
 * Redis trouble falls back to this process's own windows: pacing goes on, shared or not.
 */
import { randomUUID } from "node:crypto";
import type { Cluster, Redis } from "ioredis";
import { longestSpan, MemoryBudgetStore, type BudgetCharge, type BudgetStore } from "./request-budget.js";

// KEYS: one sorted set per charge. ARGV: nonce, then per charge: cost, interval ms, longest
// span ms, number of windows, then (window ms, max) pairs. Mirrors waitFor() in request-budget.ts.
const CLAIM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nonce = ARGV[1]
local function costOf(member) return tonumber(string.match(member, '^[^:]+')) end
local wait = 0
local a = 2
local charges = {}
for k = 1, #KEYS do
  local cost, interval, longest, windows = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
  a = a + 4
  charges[k] = { cost, longest }
  redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', now - longest)
  if interval > 0 then
    local last = redis.call('ZREVRANGE', KEYS[k], 0, 0, 'WITHSCORES')
    if last[2] then wait = math.max(wait, tonumber(last[2]) + interval - now) end
  end
  for w = 1, windows do
    local span, max = tonumber(ARGV[a]), tonumber(ARGV[a + 1])
    a = a + 2
    local entries = redis.call('ZRANGEBYSCORE', KEYS[k], '(' .. (now - span), '+inf', 'WITHSCORES')
    local used = 0
    for j = 1, #entries, 2 do used = used + costOf(entries[j]) end
    for j = 1, #entries, 2 do
      if used + cost <= max then break end
      used = used - costOf(entries[j])
      wait = math.max(wait, tonumber(entries[j + 1]) + span - now + 1)
    end
  end
end
if wait > 0 then return wait end
for k = 1, #KEYS do
  redis.call('ZADD', KEYS[k], now, charges[k][1] .. ':' .. nonce)
  redis.call('PEXPIRE', KEYS[k], math.max(charges[k][2], 1))
end
return 0
`;

export class RedisBudgetStore implements BudgetStore {
  private readonly fallback = new MemoryBudgetStore();

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly namespace: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async claim(installation: string, charges: readonly BudgetCharge[]): Promise<number> {
    // One installation's keys share a hash tag: one script may touch them all on a cluster.
    const keys = charges.map(({ budget }) => `${this.namespace}:budget:{${installation}}:${budget.name}`);
    const args = charges.flatMap(({ budget, cost }) => [
      cost,
      budget.intervalMs,
      longestSpan(budget),
      budget.windows.length,
      ...budget.windows.flatMap((w) => [w.ms, w.max]),
    ]);
    try {
      return Number(await this.redis.eval(CLAIM, keys.length, ...keys, randomUUID(), ...args));
    } catch (error) {
      this.onError(error);
      return this.fallback.claim(installation, charges);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
