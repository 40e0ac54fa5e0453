/** Pages that say one thing: not found (also for what the user may not see), sign in, home. */
import { html, segment } from "../html.js";
import { page, type Chrome } from "./layout.js";

/** The same answer for "does not exist" and "you may not read it": a 404 must not confirm a private name. */
export function notFoundPage(chrome: Chrome): string {
  return page("Not found", chrome, html`<h1>Not found</h1>
<p>There is nothing here, or you do not have access to it. Repository pages need read access on GitHub;
organisation pages need membership.</p>`);
}

export function signInPage(next: string): string {
  return page("Sign in", { login: null, csrf: null }, html`<h1>Sign in</h1>
<p>The console shows pull requests, agents and the audit log of repositories you can read on GitHub.</p>
<p><a class="button" href="/-/login?next=${segment(next)}">Sign in with GitHub</a></p>`);
}

export function homePage(chrome: Chrome, owners: readonly string[]): string {
  return page("Console", chrome, html`<h1>Organisations</h1>
${owners.length === 0
    ? html`<p>No organisation you are a member of has decisions in the ledger yet.</p>`
    : html`<ul>${owners.map((owner) => html`<li><a href="/${segment(owner)}">${owner}</a></li>`)}</ul>`}`);
}

export function errorPage(chrome: Chrome, status: number, message: string): string {
  return page(`Error ${status}`, chrome, html`<h1>Error ${status}</h1><p>${message}</p>`);
}
