/**
 * Prints the detection catalogue as the Markdown table README.md embeds between
 * `<!-- catalog:start -->` and `<!-- catalog:end -->`. `--write` updates README.md in place;
 * `--check` exits 1 when README.md is out of date (a test runs the same comparison).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { catalogMarkdown, replaceCatalogSection } from "../src/detect/catalog-markdown.js";

const readmePath = new URL("../README.md", import.meta.url);
const mode = process.argv[2];
if (mode === "--write" || mode === "--check") {
  const readme = readFileSync(readmePath, "utf8");
  const updated = replaceCatalogSection(readme, catalogMarkdown());
  if (mode === "--check") {
    if (updated !== readme) {
      console.error("README.md catalogue table is out of date: run `npm run catalog -- --write`");
      process.exit(1);
    }
  } else {
    writeFileSync(readmePath, updated);
  }
} else {
  process.stdout.write(catalogMarkdown());
}
