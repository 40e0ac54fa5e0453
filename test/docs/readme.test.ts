import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { catalogMarkdown, replaceCatalogSection } from "../../src/detect/catalog-markdown.js";
import { CATALOG } from "../../src/detect/catalog.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README.md", () => {
  it("embeds the current detection catalogue (run `npm run catalog -- --write` after changing it)", () => {
    expect(replaceCatalogSection(readme, catalogMarkdown())).toBe(readme);
  });

  it("lists every catalogue agent id", () => {
    for (const entry of CATALOG) expect(readme).toContain(`| \`${entry.id}\` |`);
  });

  it("documents every GOVERNANCE_ environment variable of .env.example", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const names = [...example.matchAll(/\b(GOVERNANCE_[A-Z_]+)=/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(readme).toContain(name);
  });
});
