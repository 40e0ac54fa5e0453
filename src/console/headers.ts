/**
 * Headers on every console response. The Content-Security-Policy allows nothing but the
 * page's own stylesheet and same-origin forms: no script at all, no inline style, no frames,
 * so even markup that escaped the escaping could not run or restyle the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

export function securityHeaders(secure: boolean): Record<string, string> {
  return {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
    ...(secure ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}
