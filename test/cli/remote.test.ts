import { describe, expect, it } from "@jest/globals";
import { repositoryFromRemote } from "../../src/cli/remote.js";

describe("repositoryFromRemote", () => {
  it.each([
    ["https://github.com/acme/api.git", { owner: "acme", repo: "api" }],
    ["https://github.com/acme/api", { owner: "acme", repo: "api" }],
    ["https://x-access-token@github.example.com/acme/api.git", { owner: "acme", repo: "api" }],
    ["git@github.com:acme/api.git", { owner: "acme", repo: "api" }],
    ["ssh://git@github.com:22/acme/api.git", { owner: "acme", repo: "api" }],
  ])("reads owner and repository from %s", (url, expected) => {
    expect(repositoryFromRemote(url)).toEqual(expected);
  });

  it.each(["/srv/git/api.git", "../api", "file:///srv/git/api.git"])("names no repository for the local path %s", (url) => {
    expect(repositoryFromRemote(url)).toBeNull();
  });
});
