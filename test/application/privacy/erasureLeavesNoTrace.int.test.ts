import { execFile } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getImageJob } from "../../../projections/image_jobs/queries.ts";
import { allProjections } from "../../../projections/index.ts";
import { rebuildProjections } from "../../../projections/runner/rebuild.ts";
import { userIdFor } from "../../../src/application/users/registerUser.ts";
import { projectorDependencies } from "../../../src/composition/roles.ts";
import { imageJobDecider } from "../../../src/domain/imageJob/decider.ts";
import { conversationStreamId, imageJobStreamId } from "../../../src/domain/streamIds.ts";
import { type System, startWithme } from "../../../src/main.ts";
import { agentInput, CREATE_AGENT, gql, testServerConfig } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { testContext } from "../../support/testCommands.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const run = promisify(execFile);
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`;

/** A name no text would hold by chance, in letters only so the fact extractor keeps it as a name. */
function plant(prefix: string): string {
  const letters = Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join("");
  return `${prefix}${letters}`;
}

/**
 * The whole database as text: `pg_dump` when the one on this machine can dump this server,
 * otherwise every row of every table of every schema, which holds the same data.
 */
async function dumpDatabase(
  url: string,
  pool: System["database"]["pool"],
): Promise<{ text: string; how: string }> {
  try {
    const { stdout } = await run("pg_dump", ["--no-owner", `--dbname=${url}`], {
      maxBuffer: 512 * 1024 * 1024,
    });
    return { text: stdout, how: "pg_dump" };
  } catch (error) {
    const { rows: tables } = await pool.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const table of tables) {
      const { rows } = await pool.query<{ row: string }>(
        `select t::text as row from "${table.schema}"."${table.name}" t`,
      );
      parts.push(`-- ${table.schema}.${table.name}`, ...rows.map((r) => r.row));
    }
    // Only pg_dump's own words: the command line holds the password.
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0];
    const reason = stderr || (error as NodeJS.ErrnoException).code || "it failed";
    return { text: parts.join("\n"), how: `every table's rows (pg_dump unusable here: ${reason})` };
  }
}

async function filesUnder(directory: string): Promise<string> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  const contents = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(path.join(e.parentPath, e.name), "latin1")),
  );
  return contents.join("\n");
}

describe("after erasure, a full rebuild and a dump of the whole database hold none of the person's words", () => {
  let database: TestDatabase;
  let dataDir: string;
  let system: System;
  let url: string;
  let agentId: string;

  beforeAll(async () => {
    // TEST_DATABASE_URL names a server the system's pg_dump can dump; the embedded one is newer than it.
    database = await createTestDatabase(process.env.TEST_DATABASE_URL ?? undefined);
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-no-trace-"));
    const config = testServerConfig(database.url, dataDir, {
      WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
    });
    system = await startWithme(config, ["api", "projector", "worker"], {
      engineSettings: { summarizeEvery: 4 },
    });
    url = system.api!.url;
    agentId = (await gql(url, CREATE_AGENT, { input: agentInput("Runa") }, "dev")).data!.createAgent
      .agentId as string;
  }, 60_000);

  afterAll(async () => {
    await system?.lifecycle.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Plants a profile name, a message and a fact; returns the three strings once all are stored and projected. */
  async function plantPerson(token: string): Promise<string[]> {
    const name = plant("Nym");
    const said = plant("said");
    const pet = plant("Pet");
    const renamed = await gql(
      url,
      `mutation($n: String!) { updateProfile(input: { displayName: $n }) { id } }`,
      { n: name },
      token,
    );
    expect(renamed.errors).toBeUndefined();
    const streamId = conversationStreamId(userIdFor({ provider: "dev", subject: token }), agentId);
    const texts = [
      `My dog is called ${pet}.`,
      `The password on my fridge note is ${said}.`,
      "I work as a nurse in the city.",
      "Tell me about your day.",
    ];
    for (const text of texts) {
      const sent = await gql(url, SEND, { input: { agentId, text, clientMessageId: randomUUID() } }, token);
      expect(sent.errors).toBeUndefined();
      const replyId = sent.data!.sendMessage.replyId as string;
      await eventually(async () =>
        (await system.events.readStream(streamId)).some(
          (e) => e.type === "AgentReplyCompleted" && e.data.replyId === replyId,
        ),
      );
    }
    const facts = await eventually(async () => {
      const events = await system.events.readStream(streamId);
      const summaries = events.flatMap((e) => (e.type === "MemorySummarized" ? e.data.facts : []));
      return summaries.length > 0 ? summaries.join(" ") : undefined;
    }, 60_000);
    expect(facts).toContain(pet);
    return [name, said, pet];
  }

  /**
   * Sends a message too large for a NOTIFY payload, so the PostgreSQL live bus keeps its text in
   * `live_bus_messages`; returns the word planted in it once the bus holds it.
   */
  async function plantInLiveBus(token: string): Promise<string> {
    expect(system.bus.name).toBe("postgres-notify");
    const word = plant("bus");
    const text = `${word} ${"é".repeat(3_950)}`;
    const sent = await gql(url, SEND, { input: { agentId, text, clientMessageId: randomUUID() } }, token);
    expect(sent.errors).toBeUndefined();
    await eventually(async () => {
      const { rows } = await system.database.pool.query(
        "select 1 from live_bus_messages where strpos(body, $1) > 0",
        [word],
      );
      return rows.length > 0;
    });
    return word;
  }

  /** Whether a row of `live_bus_messages` holds the text. */
  async function liveBusHolds(text: string): Promise<boolean> {
    const { rows } = await system.database.pool.query(
      "select 1 from live_bus_messages where strpos(body, $1) > 0",
      [text],
    );
    return rows.length > 0;
  }

  /**
   * Asks for a picture for the person whose prompt is too large for a NOTIFY payload, so its
   * job's updates (on `imagejob:<id>`, a topic not named after the person) wait in
   * `live_bus_messages`; returns the word planted in the prompt once the job is over.
   */
  async function plantInImageJob(userId: string): Promise<string> {
    const word = plant("prompt");
    const imageJobId = randomUUID();
    const requested = await system.commands.handle(
      imageJobDecider,
      imageJobStreamId(imageJobId),
      {
        type: "RequestImageJob",
        imageJobId,
        kind: "variation",
        agentId,
        userId,
        prompt: `A selfie at ${word} ${"\u{1F600}".repeat(1_960)}`,
        basePortraitUrl: "/media/portraits/none.png",
        requestedBy: userId,
        maxAttempts: 1,
        now: new Date().toISOString(),
      },
      testContext(),
    );
    expect(requested.events).toHaveLength(1);
    // Once the job is over, no later update of it can write the prompt again.
    await eventually(async () => {
      const job = await getImageJob(system.database.sql, { id: imageJobId });
      return job?.status === "succeeded" || job?.status === "failed";
    }, 60_000);
    expect(await liveBusHolds(word)).toBe(true);
    return word;
  }

  it("keeps the other person's words and loses every trace of the erased one's", async () => {
    const erased = await plantPerson("dev:wren");
    const kept = await plantPerson("dev:yusuf");
    erased.push(await plantInLiveBus("dev:wren"));
    const seen = async () => (await dumpDatabase(database.url, system.database.pool)).text;
    await eventually(async () => {
      const text = await seen();
      return [...erased, ...kept].every((s) => text.includes(s));
    }, 60_000);

    const userId = userIdFor({ provider: "dev", subject: "dev:wren" });
    const prompted = await plantInImageJob(userId);
    erased.push(prompted);
    const erasedNow = await gql(url, "mutation($u: ID!) { erasePerson(userId: $u) }", { u: userId }, "dev");
    expect(erasedNow.data?.erasePerson).toBe(true);
    // Gone when the erasure answers, not a minute later when old rows are pruned.
    expect(await liveBusHolds(prompted)).toBe(false);
    await eventually(async () => {
      const text = await seen();
      return erased.every((s) => !text.includes(s));
    }, 60_000);

    const reports = await rebuildProjections(projectorDependencies(system), allProjections);
    expect(reports.map((r) => r.switched)).toEqual(allProjections.map(() => true));

    const dump = await dumpDatabase(database.url, system.database.pool);
    console.info(`database dumped with ${dump.how}`);
    const media = await filesUnder(path.join(dataDir, "media"));
    for (const secret of erased) {
      expect(dump.text).not.toContain(secret);
      expect(media).not.toContain(secret);
    }
    for (const secret of kept) expect(dump.text).toContain(secret);
  }, 240_000);
});
