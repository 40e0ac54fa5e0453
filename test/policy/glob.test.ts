/** The prefix/suffix shortcut must never change minimatch's answer. */
import { describe, expect, it } from "@jest/globals";
import { minimatch } from "minimatch";
import { ChangedPaths, matchesGlob } from "../../src/policy/glob.js";

const patterns = [
  "src/**", "src/*", "src/**/*.ts", "**/*.pem", "*.pem", ".github/workflows/**", "**/*.test.*", "test/**",
  "release/*", "main", "docs/**/*.md", "src/{a,b}/**", "!src/**", "src//x", "./src/**", "src/./a.ts",
  "**/.env*", "a/**/b/*.js", "@scope/**", "src/[ab].ts", "src/?.ts", "**", "*", "src/**/", "#comment",
  "src/*.+(ts|js)", "**/*.{pem,key}", "src/../src/a.ts", "/src/**", "src/a?.ts", "**/b/**", "a/**/b/**/*.js",
  "*.md", "**/*", "*/*", "src/**/*", "**/.github/**", "file.*", "a.b", "a$b^c|d", "src/**/**/x", "s*c/**", "x/***",
];
// Paths as git reports them: relative, no empty, "." or ".." segments.
const paths = [
  "src", "src/a.ts", "src/b.ts", "src/x/y.ts", "src/a/c.ts", "src/b/c.ts", "a.pem", "certs/a.pem", ".keys/x/b.pem",
  ".github/workflows/ci.yml", ".github/CODEOWNERS", "lib/a.test.ts", "test/a.ts", "release/1.2", "release/1.2/x",
  "main", "docs/a/b.md", "src/x", ".env", "config/.env.local", "a/b/c/b/d.js", "@scope/pkg/index.js",
  "src/c.ts", "src/a.js", "README.md", "x.key", "src/ab.ts", "src/a1.ts", "b/x", "x/b/y/z", "a/b/b/x.js", "a/x/b/y/z.js",
  "axb", "a.b", "a$b^c|d", "file.txt", "file", "sync/a", "src/x/y/x", ".github/x", "deep/.github/a/b", "x/y",
  "résumé/naïve.txt", "src/a b.ts",
];

describe("glob matching", () => {
  it.each(patterns)("agrees with minimatch {dot:true} for %s", (pattern) => {
    for (const path of paths) expect([path, matchesGlob(pattern, path)]).toEqual([path, minimatch(path, pattern, { dot: true })]);
  });

  it("considers both paths of a rename", () => {
    const changed = new ChangedPaths([{ path: "lib/a.ts", previousPath: "src/a.ts" }]);
    expect(changed.firstMatch("src/**")).toBe("src/a.ts");
  });

  it("answers with the first matching pattern and path", () => {
    const changed = new ChangedPaths([{ path: "docs/a.md" }, { path: "src/a.ts" }]);
    expect(changed.firstMatchOfAny(["test/**", "src/**", "docs/**"])).toEqual({ pattern: "src/**", path: "src/a.ts" });
  });
});
