/**
 * Tokens the simulator has issued (installation access tokens, one hour) or been told about
 * (personal tokens for CLI-style callers), and per-token REST/GraphQL rate-limit budgets.
 */
import { randomBytes } from "node:crypto";
import type { InstallationRecord } from "../world/records.js";

export interface InstallationToken {
  kind: "installation";
  token: string;
  installationId: number;
  expiresAt: Date;
  permissions: Record<string, string>;
}

export interface PersonalToken {
  kind: "token";
  token: string;
  login: string;
}

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const HOURLY_LIMIT = 5000;

export class Credentials {
  private readonly tokens = new Map<string, InstallationToken | PersonalToken>();
  private readonly budgets = new Map<string, { resetAt: number; used: number }>();

  issue(installation: InstallationRecord, permissions?: Record<string, string>): InstallationToken {
    const token: InstallationToken = {
      kind: "installation",
      token: `ghs_${randomBytes(27).toString("base64url").replace(/[-_]/g, "x").slice(0, 36)}`,
      installationId: installation.id,
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS),
      permissions: permissions ?? { ...installation.permissions },
    };
    this.tokens.set(token.token, token);
    return token;
  }

  addPersonalToken(token: string, login: string): void {
    this.tokens.set(token, { kind: "token", token, login });
  }

  /** Revokes every installation token (e.g. to test re-authentication). */
  expireInstallationTokens(): void {
    for (const token of this.tokens.values()) if (token.kind === "installation") token.expiresAt = new Date(0);
  }

  lookup(token: string): InstallationToken | PersonalToken | undefined {
    const found = this.tokens.get(token);
    if (found?.kind === "installation" && found.expiresAt.getTime() <= Date.now()) return undefined;
    return found;
  }

  /** Counts one request against `key`'s hourly budget in `resource` and returns the rate-limit headers. */
  spend(key: string, resource: "core" | "graphql", cost: number): Record<string, string> {
    const now = Date.now();
    const id = `${resource}:${key}`;
    let budget = this.budgets.get(id);
    if (!budget || budget.resetAt <= now) {
      budget = { resetAt: now + 60 * 60 * 1000, used: 0 };
      this.budgets.set(id, budget);
    }
    budget.used += cost;
    return {
      "x-ratelimit-limit": String(HOURLY_LIMIT),
      "x-ratelimit-remaining": String(Math.max(HOURLY_LIMIT - budget.used, 0)),
      "x-ratelimit-reset": String(Math.floor(budget.resetAt / 1000)),
      "x-ratelimit-used": String(budget.used),
      "x-ratelimit-resource": resource,
    };
  }

  budget(key: string, resource: "core" | "graphql"): { limit: number; used: number; remaining: number; reset: number } {
    const budget = this.budgets.get(`${resource}:${key}`);
    const used = budget && budget.resetAt > Date.now() ? budget.used : 0;
    const reset = Math.floor((budget?.resetAt ?? Date.now() + 3600_000) / 1000);
    return { limit: HOURLY_LIMIT, used, remaining: HOURLY_LIMIT - used, reset };
  }
}
