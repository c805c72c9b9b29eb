import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.ts";

const load = (env: Record<string, string>) => loadConfig(env, { envFile: false, cwd: "/srv/withme" });
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("configuration", () => {
  it("runs with nothing set: embedded database, offline providers, dev tokens", () => {
    const config = load({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config).toMatchObject({
      PORT: 4000,
      production: false,
      WITHME_ALLOW_DEV_TOKENS: true,
      WITHME_ASLEEP_REPLIES: "defer",
      dataDir: "/srv/withme/.data",
    });
  });

  it("names each bad variable on a line of its own, and never echoes a URL or a secret", () => {
    const problems = problemsOf({
      DATABASE_URL: "mysql://root:hunter2@db/withme",
      PORT: "eighty",
      WITHME_ASLEEP_REPLIES: "never",
      WITHME_STARTER_AGENTS: "maybe",
    });
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith("DATABASE_URL: "))).not.toContain("hunter2");
    expect(problems).toContainEqual(expect.stringMatching(/^PORT: .*\(got "eighty"\)$/));
    expect(problems).toContainEqual(expect.stringMatching(/^WITHME_ASLEEP_REPLIES: /));
    expect(problems).toContainEqual('WITHME_STARTER_AGENTS: must be true or false (got "maybe")');
    expect(problems.every((p) => !p.includes("\n"))).toBe(true);
  });

  it("checks settings that only make sense together", () => {
    expect(problemsOf({ PINECONE_API_KEY: "pc-key" })).toEqual([
      "PINECONE_INDEX: must be set when PINECONE_API_KEY is (the index to store memories in)",
    ]);
  });

  it("creates the starter companions only for a local install, unless told otherwise", () => {
    expect(load({}).starterAgents).toBe(true);
    expect(load({ DATABASE_URL: "postgres://db/withme" }).starterAgents).toBe(false);
    expect(load({ DATABASE_URL: "postgres://db/withme", WITHME_STARTER_AGENTS: "yes" }).starterAgents).toBe(
      true,
    );
    expect(load({ WITHME_STARTER_AGENTS: "off" }).starterAgents).toBe(false);
  });
});
