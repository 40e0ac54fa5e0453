/** The console's one stylesheet, served from /-/console.css (the CSP allows styles from 'self' only). */
export const STYLESHEET = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --soft: #f6f8fa; --link: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
a:focus, button:focus, summary:focus, input:focus, select:focus { outline: 3px solid #0969da; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; }
.skip:focus { left: 8px; }
.top { display: flex; justify-content: space-between; align-items: center; padding: 8px 24px; border-bottom: 1px solid var(--line); background: var(--soft); }
.top ol { list-style: none; display: flex; gap: 8px; margin: 0; padding: 0; }
.top li + li::before { content: "/"; margin-right: 8px; color: var(--muted); }
.account { display: flex; gap: 12px; align-items: center; }
.account form { margin: 0; }
main { padding: 16px 24px 48px; max-width: 1200px; }
main:focus { outline: none; }
h1 { font-size: 24px; margin: 8px 0; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 24px 0 8px; }
.muted, .meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--soft); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); padding: 8px; }
.compact { margin: 0; padding-left: 18px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 12px; font-size: 13px; font-weight: 600; border: 1px solid; }
.badge.success { color: #116329; background: #dafbe1; }
.badge.action_required { color: #7d4e00; background: #fff8c5; }
.badge.failure { color: #a40e26; background: #ffebe9; }
.badge.in_progress { color: #0550ae; background: #ddf4ff; }
.status { white-space: nowrap; }
.status.met, .status.passed { color: #116329; font-weight: 600; }
.status.waiting, .status.pending { color: #7d4e00; font-weight: 600; }
.status.failed { color: #a40e26; font-weight: 600; }
.verdict { border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; }
.notice { background: #fff8c5; border: 1px solid #d4a72c; padding: 8px; }
button, .button { font: inherit; padding: 6px 14px; border: 1px solid #1f883d; background: #1f883d; color: #fff; border-radius: 6px; cursor: pointer; text-decoration: none; display: inline-block; }
.account button { background: #fff; color: var(--fg); border-color: var(--line); }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 8px 0; }
.filters label { display: flex; flex-direction: column; font-size: 13px; }
.filters input, .filters select { font: inherit; padding: 4px; }
.timeline li { margin-bottom: 8px; }
tr.reverted td { background: #fff5f5; }
.chart { margin: 8px 0; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 24px; }
.side-by-side > div { flex: 1 1 360px; min-width: 0; }
.side-by-side th { overflow-wrap: normal; }
h3 { font-size: 16px; margin: 16px 0 4px; }
`;
