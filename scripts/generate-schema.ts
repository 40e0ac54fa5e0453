/**
 * Writes schema/agent-governance.schema.json from src/config/schema.ts, the one definition
 * of the policy file. `--check` exits 1 when the committed file is out of date (for CI).
 * Run with `npx tsx scripts/generate-schema.ts [--check]`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderSchemaJson } from "../src/config/schema.js";

const target = fileURLToPath(new URL("../schema/agent-governance.schema.json", import.meta.url));
const rendered = renderSchemaJson();

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    // A missing file is simply out of date.
  }
  if (committed !== rendered) {
    console.error(`${target} is out of date: run npx tsx scripts/generate-schema.ts`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
