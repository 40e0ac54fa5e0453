/** Turns an unexpected failure into the title and summary of a blocking check run: what
 * failed, in words a reviewer can act on, without leaking tokens or request bodies. */
import { httpStatus } from "../github/client.js";

export function describeError(error: unknown): { title: string; summary: string } {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  let title: string;
  let cause: string;
  if (status !== undefined && status >= 500) {
    title = `GitHub is failing (HTTP ${status}): could not evaluate this pull request`;
    cause = `GitHub answered HTTP ${status} after retries with backoff.`;
  } else if (status === 403 || status === 429) {
    title = "GitHub rate limit: could not evaluate this pull request";
    cause = `GitHub refused the request (HTTP ${status}, rate limit) after retries.`;
  } else if (status === 401 || status === 404) {
    title = `GitHub refused access (HTTP ${status}): could not evaluate this pull request`;
    cause = "The app's installation may lack a permission or access to this repository.";
  } else if (/timed? ?out|ETIMEDOUT|ECONNRESET|ECONNREFUSED|fetch failed/i.test(message)) {
    title = "GitHub did not answer: could not evaluate this pull request";
    cause = "The request to GitHub timed out or the connection failed after retries.";
  } else {
    title = "Internal error: could not evaluate this pull request";
    cause = "agent-governance hit an unexpected error; it is logged with this repository, PR and SHA.";
  }
  return {
    title,
    summary: [
      `**The check stays blocking until an evaluation succeeds** (agent-governance fails closed).`,
      "",
      cause,
      "",
      `Details: \`${redact(message).slice(0, 500)}\``,
      "",
      'Use **Re-evaluate** on this check run, or push a commit, to try again.',
    ].join("\n"),
  };
}

/** Tokens never reach a check run, even if an error message quotes a header or URL. */
function redact(text: string): string {
  return text
    .replace(/\b(gh[pousr]_[A-Za-z0-9_]{10,}|v1\.[0-9a-f]{20,})\b/g, "[redacted]")
    .replace(/(authorization|token)\s*[:=]\s*\S+/gi, "$1: [redacted]");
}
