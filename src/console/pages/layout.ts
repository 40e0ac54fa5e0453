/** The page shell every console page shares: header, who is signed in, sign-out, main landmark. */
import { html, type Html, type Interpolation } from "../html.js";

export const STYLESHEET_PATH = "/-/console.css";

export interface Chrome {
  /** The signed-in user, or null. */
  login: string | null;
  /** The session's CSRF token, for the sign-out form. */
  csrf: string | null;
  /** Breadcrumbs after the home link. */
  crumbs?: Array<{ label: string; href?: string }>;
}

export function page(title: string, chrome: Chrome, body: Interpolation): string {
  const crumbs = chrome.crumbs ?? [];
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title} · agent-governance</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <nav aria-label="Breadcrumb"><ol>
    <li><a href="/">agent-governance</a></li>
    ${crumbs.map((crumb) => html`<li>${crumb.href ? html`<a href="${crumb.href}">${crumb.label}</a>` : html`<span aria-current="page">${crumb.label}</span>`}</li>`)}
  </ol></nav>
  ${account(chrome)}
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>`.text}\n`;
}

function account(chrome: Chrome): Html {
  if (chrome.login === null) return html`<div class="account"><a href="/-/login">Sign in with GitHub</a></div>`;
  return html`<div class="account">Signed in as <strong>@${chrome.login}</strong>
    <form method="post" action="/-/logout"><input type="hidden" name="csrf" value="${chrome.csrf ?? ""}"><button type="submit">Sign out</button></form></div>`;
}
