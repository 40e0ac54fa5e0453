import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { catalogMarkdown, replaceCatalogSection } from "../../src/detect/catalog-markdown.js";
import { CATALOG } from "../../src/detect/catalog.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README.md", () => {
  it("embeds the current detection catalogue (run `npm run catalog -- --write` after changing it)", () => {
    expect(replaceCatalogSection(readme, catalogMarkdown())).toBe(readme);
  });

  it("cites no document that is not in the repository (the rules are stated, not referenced)", () => {
    expect(readme).not.toMatch(/\bSPEC\b/);
  });

  it("lists every catalogue agent id", () => {
    for (const entry of CATALOG) expect(readme).toContain(`| \`${entry.id}\` |`);
  });
});
