import { PerformanceObserver } from "node:perf_hooks";
import { defaultEngineSettings } from "../../src/application/engine/engineDependencies.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { seedConversation } from "../support/conversationSeed.ts";
import { zoneWhereItIs } from "../support/timeZones.ts";
import { createAgentOver, wsClient } from "./bareGraphqlWs.ts";
import { benchWithme } from "./benchWithme.ts";
import { loopDelay, measureTurn, noSamples, Person } from "./conversationTurns.ts";
import { cpuProfiled } from "./cpuProfile.ts";
import { coldLoad, gcPauses, logSamples, reactorsCaughtUp } from "./longConversationProbes.ts";
import { percentile, report, timed } from "./support.ts";

const LONG_EVENTS = Number(process.env.BENCH_LONG_EVENTS ?? 20_000);
const SHORT_EVENTS = 20;
/**
 * Turns measured in each conversation, the long and the short taking turns about: with 480 a p99
 * stands on the five slowest turns, not on one or two.
 */
const TURNS = Number(process.env.BENCH_TURNS ?? 480);
/**
 * Turns one short conversation takes before the next one goes on: at about 3.3 events a turn, each
 * grows from 20 events to about 420, and the baseline stays a short conversation all along.
 */
const TURNS_PER_SHORT = 120;

const AGENT = {
  name: "Bench",
  persona: { summary: "A calm night-owl radio host.", traits: ["calm"], speakingStyle: "short" },
  identity: { homeCity: "Lisbon", occupation: "radio host", timezone: zoneWhereItIs(12) },
  appearancePrompt: "short grey hair",
};

/**
 * sendMessage, the reply's first delta and a new subscription's set-up in a conversation of
 * 20,000 events, against the same in short ones (20 to about 420 events) on the same server,
 * measured turn about, which goes first alternating, so what else loads the machine falls on both.
 * `BENCH_SAMPLES=1` also prints every turn with what ran beside it (GC pauses, the longest
 * event-loop stall, the conversation's stored snapshot), to tell what a slow turn waited for.
 */
export default async function longConversationBench(): Promise<void> {
  const bench = await benchWithme("long", { WITHME_MUTATION_RATE_LIMIT: "1000" });
  const { system } = bench;
  const url = bench.wsUrl;
  const admin = wsClient(url, "dev");
  const shorts = Array.from(
    { length: Math.ceil(TURNS / TURNS_PER_SHORT) },
    (_, i) => new Person(url, `dev:short-${i}`),
  );
  const long = new Person(url, "dev:long");
  const people = [...shorts, long];
  try {
    const agentId = await createAgentOver(admin, AGENT);
    for (const person of people) person.listen(agentId);
    // Each person's first message registers them and starts the conversation.
    for (const person of people) await person.converse(agentId, "hello");
    // Summaries are written every few messages, as the memory reactor does as a conversation goes.
    const seeding = { summarizeEvery: defaultEngineSettings.summarizeEvery };
    for (const person of shorts)
      await seedConversation(system.commands, person.userId, agentId, SHORT_EVENTS - 5, seeding);
    const seeded = await timed(() =>
      seedConversation(system.commands, long.userId, agentId, LONG_EVENTS - 5, seeding),
    );
    // A turn each, answered, shows the read models have caught up with the seeding.
    let warmUp = 0;
    for (const person of people) warmUp = (await person.converse(agentId, "warm-up")).revision;
    // Seeding appends thousands of turns at once, which the reactors work through afterwards;
    // turns are measured once they have, as in a conversation that grew turn by turn.
    const caughtUp = await timed(() => reactorsCaughtUp(system));
    // The first subscription after the seeding brings the server's conversation snapshot forward
    // over every seeded event: a cost paid once per conversation and process, reported apart.
    const cold = await long.subscribeAgain(agentId, warmUp - 1);
    const shortSamples = noSamples();
    const longSamples = noSamples();
    const snapshotOf = (person: Person) => async () => {
      const { rows } = await system.database.pool.query<{ revision: string; bytes: number }>(
        "select revision::text, octet_length(payload) as bytes from stream_snapshots where stream_id = $1",
        [conversationStreamId(person.userId, agentId)],
      );
      return rows[0] ? `at ${rows[0].revision} (${(rows[0].bytes / 1e6).toFixed(1)} MB)` : "none";
    };
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
        gcPauses.push({ from: entry.startTime, to: entry.startTime + entry.duration, kind });
      }
    });
    gcObserver.observe({ entryTypes: ["gc"] });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const measured = await timed(() =>
      cpuProfiled("longConversation", async () => {
        for (let turn = 0; turn < TURNS; turn++) {
          const short = shorts[Math.floor(turn / TURNS_PER_SHORT)]!;
          const shortTurn = () =>
            measureTurn(short, agentId, `turn-${turn}`, shortSamples, snapshotOf(short));
          const longTurn = () => measureTurn(long, agentId, `turn-${turn}`, longSamples, snapshotOf(long));
          for (const next of turn % 2 === 0 ? [shortTurn, longTurn] : [longTurn, shortTurn]) await next();
        }
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    loopDelay.disable();
    gcObserver.disconnect();
    if (process.env.BENCH_SAMPLES) {
      logSamples("short", shortSamples);
      logSamples("long", longSamples);
    }
    const lengths = await Promise.all(people.map((p) => p.revision(agentId)));
    const longLength = lengths.pop()! + 1;
    const shortLengths = `${SHORT_EVENTS}–${Math.max(...lengths) + 1}`;
    const [shortStream, longStream] = [shorts[0]!, long].map((p) => conversationStreamId(p.userId, agentId));
    const coldShort = await coldLoad(system, shortStream!, true);
    const coldLong = await coldLoad(system, longStream!, true);
    const coldLongFolded = await coldLoad(system, longStream!, false);
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    const slowest = (p: number) => TURNS - Math.min(TURNS - 1, Math.floor((p / 100) * TURNS));
    const line = (name: string, key: "send" | "firstDelta" | "subscribe" | "queries", p: number) => {
      const value = percentile(longSamples[key], p);
      const baseline = percentile(shortSamples[key], p);
      const format = key === "queries" ? (v: number) => `${v}` : ms;
      return {
        name: `${name} p${p}${p > 50 ? ` (${slowest(p)}. slowest)` : ""}`,
        value: format(value),
        baseline: `${format(baseline)} in the ${shortLengths}-event conversations`,
        ratio: value / baseline,
        target: key === "queries" ? undefined : "≤ 1.2×",
      };
    };
    report(
      `long conversation: ${longLength} events against ${shortLengths}, ${TURNS} turns each (every percentile of ${TURNS} samples a side), offline engine; measured in ${(measured.ms / 1000).toFixed(0)} s after seeding in ${(seeded.ms / 1000).toFixed(0)} s and catching up in ${(caughtUp.ms / 1000).toFixed(0)} s`,
      [
        line("sendMessage", "send", 50),
        line("sendMessage", "send", 99),
        line("reply first delta", "firstDelta", 50),
        line("reply first delta", "firstDelta", 99),
        line("new subscription set-up", "subscribe", 50),
        line("new subscription set-up", "subscribe", 99),
        line("SQL queries a turn", "queries", 50),
        line("SQL queries a turn", "queries", 99),
        {
          name: "process CPU a turn of each (all its work)",
          value: ms((cpu.user + cpu.system) / 1000 / TURNS),
        },
        {
          name: "long conversation's snapshots stored",
          value: `${new Set(longSamples.spans.map((span) => span.snapshot)).size - 1} in ${TURNS} turns`,
        },
        { name: "first subscription, cold snapshot", value: ms(cold) },
        {
          name: "conversation state, cold load",
          value: ms(coldLong),
          baseline: `${ms(coldShort)} in a ${lengths[0]! + 1}-event conversation`,
          ratio: coldLong / coldShort,
        },
        { name: "conversation state, cold load without snapshots", value: ms(coldLongFolded) },
      ],
    );
  } finally {
    await Promise.all([admin, ...people.map((p) => p.client)].map((c) => c.dispose()));
    await bench.stop();
  }
}
