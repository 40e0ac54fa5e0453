/**
 * The console's settings. It is on only when all four are set — the public URL (for the
 * OAuth callback and check runs' details links), the GitHub App's OAuth client id and secret,
 * and a session secret — so a half-configured deployment never links check runs to pages
 * that cannot sign anyone in.
 */
export interface ConsoleSettings {
  /** e.g. https://governance.example.com, without a trailing slash. */
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  sessionSecret: string;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
}

export type ConsoleSettingsResult =
  | { enabled: true; settings: ConsoleSettings }
  | { enabled: false; reason: string; partial: boolean };

export const CONSOLE_VARIABLES = ["GOVERNANCE_PUBLIC_URL", "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "GOVERNANCE_SESSION_SECRET"] as const;
const MIN_SECRET_LENGTH = 32;

export function consoleSettingsFromEnv(env: NodeJS.ProcessEnv): ConsoleSettingsResult {
  const values = CONSOLE_VARIABLES.map((name) => env[name]?.trim() ?? "");
  const missing = CONSOLE_VARIABLES.filter((_, i) => values[i] === "");
  if (missing.length === CONSOLE_VARIABLES.length) return { enabled: false, reason: "not configured", partial: false };
  if (missing.length > 0) return { enabled: false, reason: `${missing.join(", ")} not set`, partial: true };
  const [publicUrl, clientId, clientSecret, sessionSecret] = values;
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return { enabled: false, reason: `GOVERNANCE_PUBLIC_URL "${publicUrl}" is not a URL (e.g. https://governance.example.com)`, partial: true };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { enabled: false, reason: `GOVERNANCE_PUBLIC_URL must be http(s), got ${url.protocol}`, partial: true };
  }
  if (sessionSecret.length < MIN_SECRET_LENGTH) {
    return { enabled: false, reason: `GOVERNANCE_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`, partial: true };
  }
  return {
    enabled: true,
    settings: { publicUrl: url.origin + url.pathname.replace(/\/+$/, ""), clientId, clientSecret, sessionSecret, secureCookies: url.protocol === "https:" },
  };
}

/** The check run's details link: the pull request's console page at the head it judged. */
export function pullRequestPageUrl(publicUrl: string, pr: { owner: string; repo: string; number: number }, headSha?: string): string {
  const path = `/${encodeURIComponent(pr.owner)}/${encodeURIComponent(pr.repo)}/pull/${pr.number}`;
  return `${publicUrl}${path}${headSha ? `?sha=${encodeURIComponent(headSha)}` : ""}`;
}
