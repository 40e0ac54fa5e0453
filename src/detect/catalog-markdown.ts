/** The catalogue as a Markdown table, for README.md: the documentation cannot drift from the data. */
import { CATALOG, type AgentEntry } from "./catalog.js";

const START = "<!-- catalog:start -->";
const END = "<!-- catalog:end -->";

function code(text: string): string {
  return "`" + text.replace(/\|/g, "\\|").replace(/`/g, "'") + "`";
}

function marks(entry: AgentEntry): string {
  const out: string[] = [];
  for (const identity of entry.identities) {
    if (identity.login) out.push(code(identity.login) + (identity.id ? ` (id ${identity.id})` : ""));
    else if (identity.id) out.push(`id ${identity.id}`);
    if (identity.email) out.push(code((identity.namePrefix ? `${identity.namePrefix}… ` : "") + `<${identity.email}>`));
  }
  for (const trailer of entry.trailers) out.push(code(`${trailer.key}:`));
  for (const footer of entry.footers) out.push(code(readableFooter(footer.line)));
  for (const link of entry.links) out.push(code(link.url));
  for (const suffix of entry.nameSuffixes ?? []) out.push(`author ${code(suffix.suffix)}`);
  for (const prefix of entry.subjectPrefixes ?? []) out.push(`subject ${code(prefix.prefix)}`);
  for (const branch of entry.branches) out.push(`branch ${code(branch.prefix)}`);
  return out.join(", ");
}

/** A footer pattern as a reader would write it: "🤖 Generated with [Claude Code]". */
function readableFooter(line: RegExp): string {
  return line.source
    .replace(/^\^/, "")
    .replace(/\(\?:\$\|[^)]*\)/g, "") // end-of-line alternatives
    .replace(/\(\?:([^()]*)\)\?/g, "$1") // optional groups: show their text
    .replace(/\\s[*+]?/g, " ")
    .replace(/\\b/g, "")
    .replace(/\.\*\??|\*\?/g, "…")
    .replace(/\\(.)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function catalogMarkdown(): string {
  const rows = CATALOG.map((entry) => `| \`${entry.id}\` | ${entry.name} | ${marks(entry)} |`);
  return ["| id | agent | marks (identities, trailers, footers, links, branches) |", "| --- | --- | --- |", ...rows, ""].join("\n");
}

export function replaceCatalogSection(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + START.length)}\n${table}${readme.slice(end)}`;
}
