import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { starterAgents } from "../../src/application/agents/starterAgents.ts";
import { collect, gql, wsClient } from "../graphql/apiHarness.ts";
import { exitWithin, killAll, type RoleProcess, startRole } from "./roleProcesses.ts";

const started: RoleProcess[] = [];
let dataDir: string;

afterAll(async () => {
  await killAll(started);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("Ctrl-C on `withme all` with a browser connected", () => {
  it("closes the sockets at once, stops the roles before the database, and logs no error", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-shutdown-"));
    const proc = await startRole("all", "all", { WITHME_DATA_DIR: dataDir }, dataDir, {
      ownProcessGroup: true,
    });
    started.push(proc);
    const agentId = starterAgents[0]!.agentId;
    let closeCode: number | null = null;
    const client = wsClient(`${proc.url.replace("http", "ws")}/graphql`, "dev:tab", (code) => {
      closeCode = code;
    });
    const sent = await gql(
      proc.url,
      "mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }",
      { input: { agentId, text: "Good night!", clientMessageId: "last-words" } },
      "dev:tab",
    );
    expect(sent.errors).toBeUndefined();
    const { replyId } = sent.data!.sendMessage as { replyId: string };
    // From the conversation's start: the offline reply may be done before a subscription from now would be.
    const events = collect(
      client,
      `subscription($agentId: ID!) {
        conversationEvents(agentId: $agentId, afterRevision: -1) { __typename ... on ReplyCompleted { replyId } }
      }`,
      { agentId },
      (items) => items.some((i) => i.conversationEvents.replyId === replyId),
    );
    // Should the reply never finish, the failure says what the subscriber saw and what the server logged.
    onTestFailed(() => {
      console.log(`the subscriber saw ${JSON.stringify(events.items)}\n${proc.tail()}`);
    });
    await events.finished;
    // A browser keeps a connection open between requests too.
    await fetch(`${proc.url}/health`);

    // Ctrl-C: the terminal signals every process of the foreground group at once.
    process.kill(-proc.child.pid!, "SIGINT");
    // A bound so a hang fails here rather than at the suite's timeout; the speed itself is not measured.
    const exit = await exitWithin(proc, 10_000);
    expect(exit.code).toBe(0);
    expect(closeCode).toBe(1012);
    const errors = proc.logs.filter((line) => Number(line.level) >= 50);
    expect(errors.map((line) => line.msg)).toEqual([]);
    const order = proc.logs
      .filter((line) =>
        /shutting down|database system is shut down|received fast shutdown/.test(String(line.msg)),
      )
      .map((line) => String(line.msg));
    expect(order[0]).toBe("shutting down");
    await client.dispose();
  });
});
