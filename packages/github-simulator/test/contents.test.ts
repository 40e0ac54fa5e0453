import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startFixture, type Fixture } from "./fixture.js";

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
  f.sim.world.addRepo("acme", "docs", { files: { "guide/intro.md": "# Intro\n", "guide/setup/linux.md": "apt\n", "README.md": "docs\n" }, branches: { develop: { "README.md": "docs (develop)\n" } } });
});
afterAll(() => f.sim.close());

const decode = (content: string): string => Buffer.from(content, "base64").toString("utf8");

describe("repository contents", () => {
  it("returns the file base64-encoded with its git blob sha", async () => {
    const res = await f.api("/repos/acme/widgets/contents/.agent-governance.yml");
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ type: "file", encoding: "base64", path: ".agent-governance.yml", size: 11 }));
    expect(decode(res.body.content)).toBe("version: 1\n");
    // `git hash-object` of "version: 1\n"
    expect(res.body.sha).toBe(f.sim.world.blobSha("version: 1\n"));
  });

  it("reads the branch named by ?ref=", async () => {
    const res = await f.api("/repos/acme/docs/contents/README.md?ref=develop");
    expect(decode(res.body.content)).toBe("docs (develop)\n");
  });

  it("answers 304 with no body to a matching If-None-Match, without spending rate limit", async () => {
    const first = await f.api("/repos/acme/widgets/contents/README.md");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const remaining = Number(first.headers.get("x-ratelimit-remaining"));
    const again = await f.api("/repos/acme/widgets/contents/README.md", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(Number(again.headers.get("x-ratelimit-remaining"))).toBe(remaining);
  });

  it("a changed file gets a new ETag and a 200", async () => {
    const first = await f.api("/repos/acme/docs/contents/guide/intro.md");
    f.sim.world.setFile("acme/docs", "main", "guide/intro.md", "# Introduction\n");
    const again = await f.api("/repos/acme/docs/contents/guide/intro.md", { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(200);
    expect(decode(again.body.content)).toBe("# Introduction\n");
  });

  it("a missing file is a GitHub 404", async () => {
    const res = await f.api("/repos/acme/widgets/contents/nope.yml");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "Not Found", documentation_url: expect.any(String), status: "404" });
  });

  it("a directory lists its entries", async () => {
    const res = await f.api("/repos/acme/docs/contents/guide");
    expect(res.body.map((e: { name: string; type: string }) => [e.name, e.type])).toEqual([
      ["intro.md", "file"],
      ["setup", "dir"],
    ]);
  });
});
