/** A membership change received by one replica drops the cached roster on every replica (Redis pub/sub). */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "@jest/globals";
import { DirectoryCache, MemoryDirectory } from "../../src/github/directory.js";
import { redisInvalidation, type DirectoryInvalidation } from "../../src/github/directory-invalidation.js";

const REDIS_URL = process.env.REDIS_URL_TEST ?? "redis://127.0.0.1:6379";
const opened: DirectoryInvalidation[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((invalidation) => invalidation.close()));
});

async function replica(prefix: string, source: MemoryDirectory) {
  const cache = new DirectoryCache({ ttlMs: 3_600_000 });
  const invalidation = await redisInvalidation(cache, REDIS_URL, prefix, (error) => {
    throw error;
  });
  opened.push(invalidation);
  return { directory: cache.over(source), invalidation };
}

async function eventually(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("directory invalidation across replicas", () => {
  it("a team change announced on replica A makes replica B re-read the roster", async () => {
    const prefix = `ag-test-${randomUUID()}`;
    const sourceA = new MemoryDirectory({ teams: { "acme/seniors": ["carol"] } });
    const sourceB = new MemoryDirectory({ teams: { "acme/seniors": ["carol"] } });
    const a = await replica(prefix, sourceA);
    const b = await replica(prefix, sourceB);

    expect(await b.directory.teamMembers("acme", "seniors")).toEqual(["carol"]);
    sourceB.setTeam("acme/seniors", []); // carol leaves the team on GitHub
    expect(await b.directory.teamMembers("acme", "seniors")).toEqual(["carol"]); // still cached

    await a.invalidation.announce({ org: "acme", team: "seniors" });
    await eventually(() => sourceB.calls.filter((call) => call === "team acme/seniors").length === 1);
    let members: string[] | null = ["carol"];
    await eventually(() => {
      void b.directory.teamMembers("acme", "seniors").then((value) => (members = value));
      return members !== null && members.length === 0;
    });
    expect(members).toEqual([]);
  });

  it("replicas of another deployment (other prefix) are not affected", async () => {
    const source = new MemoryDirectory({ teams: { "acme/seniors": ["carol"] } });
    const a = await replica(`ag-test-${randomUUID()}`, new MemoryDirectory());
    const other = await replica(`ag-test-${randomUUID()}`, source);
    await other.directory.teamMembers("acme", "seniors");
    await a.invalidation.announce({ org: "acme" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await other.directory.teamMembers("acme", "seniors");
    expect(source.calls.filter((call) => call === "team acme/seniors")).toHaveLength(1);
  });
});
