/**
 * "Sign in with GitHub" with the GitHub App's own OAuth client: the authorize redirect and the
 * code → user-to-server token exchange. The token proves who the user is; what they may see is
 * asked with it (user-access.ts).
 */
import type { GitHubUrls } from "./web-urls.js";

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  urls: GitHubUrls;
}

/** `login` suggests the account to sign in with (GitHub's own hint parameter). */
export function authorizeUrl(client: OAuthClient, redirectUri: string, state: string, login?: string): string {
  const url = new URL("/login/oauth/authorize", client.urls.web);
  url.searchParams.set("client_id", client.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", state);
  url.searchParams.set("allow_signup", "false");
  if (login) url.searchParams.set("login", login);
  return url.toString();
}

export class OAuthError extends Error {}

/** The user-to-server token for `code`; throws OAuthError with GitHub's reason when refused. */
export async function exchangeCode(client: OAuthClient, code: string, redirectUri: string): Promise<string> {
  const response = await fetch(new URL("/login/oauth/access_token", client.urls.web), {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, code, redirect_uri: redirectUri }).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) {
    throw new OAuthError(`GitHub refused the sign-in: ${body.error_description ?? body.error ?? `HTTP ${response.status}`}`);
  }
  return body.access_token;
}
