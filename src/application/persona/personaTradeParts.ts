import { rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { asksOwnKnowHow } from "./personaKnowHow.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { readMessage } from "./personaReading.ts";
import { isRetired } from "./personaSmallTalk.ts";
import { trades } from "./personaTrades.ts";

/** "What's the hardest part of driving a train?", "the best thing about your job?" */
const asksPart =
  /\b(hardest|worst|toughest|most difficult|scariest|best|nicest|favou?rite|most rewarding|most fun) (?:part|thing|bit) (?:of|about) ([^?.!]{2,50})/i;

/** "What's the hardest part?", "and the best bit?": the part of what was just talked of. */
const asksBarePart =
  /^\s*(?:and |so )?(?:what(?:'s| is| was|s) )?(?:the )?(hardest|worst|toughest|most difficult|best|nicest) (?:part|bit|thing)\s*\?*\s*$/i;

/** "What do you do all day?" asks of the work itself; "how was work?" of one day of it. */
function asksOfTrade(text: string): boolean {
  return (
    readMessage(text).question === "work" &&
    !/\bhow(?:'s| is| was)\b|\b(?:today|tonight|shift|yesterday)\b/i.test(text)
  );
}

/** "Driving" and "driver", "farming" and "farmer" are one trade's words. */
function stem(word: string): string {
  return word.toLowerCase().replace(/(?:ing|ers|er|s|ed)$/, "");
}

/** Whether the thing asked about is the agent's own work: its job named, or a word of its occupation. */
function aboutOwnWork(thing: string, occupation: string): boolean {
  if (/\b(?:your|ur) (?:job|work|trade|career|line of work)\b|\bbeing an? \w+|\bwhat you do\b/i.test(thing))
    return true;
  const own = occupation
    .split(/\W+/)
    .filter((word) => word.length >= 4)
    .map(stem);
  return thing.split(/\W+/).some((word) => word.length >= 4 && own.includes(stem(word)));
}

/** What is hard in a kind of work, for jobs the engine has no notes of their own on. */
const HARDSHIPS: readonly [RegExp, string][] = [
  [
    /farm|fisher|ranger|garden|build|roofer|shepherd|forest/i,
    "being out in all weathers — the rain doesn't care what needs doing",
  ],
  [
    /driver|pilot|captain|conductor|sailor/i,
    "the responsibility — all those people behind you, trusting you to get it right",
  ],
  [
    /\bvet|doctor|nurse|midwife|paramedic|surgeon|carer|dentist/i,
    "the days you can't fix it, however hard you try",
  ],
  [
    /teacher|instructor|coach|tutor|trainer/i,
    "keeping people's spirits up when they're stuck and want to give up",
  ],
  [
    /librar|translat|writer|editor|archiv|account/i,
    "the deadlines, and the endless small details nobody ever notices",
  ],
  [
    /potter|baker|carpenter|smith|maker|weaver|tailor|brewer/i,
    "the batches that go wrong for no reason you can see",
  ],
];

/** The hardest part of a job the engine has no notes on: from the kind of work, or when it keeps. */
function hardestOf(occupation: string, about: string): string {
  const trade = trades.find((t) => t.pattern.test(occupation));
  if (trade) return trade.hardest;
  const kind = HARDSHIPS.find(([pattern]) => pattern.test(occupation));
  if (kind) return kind[1];
  const { start, end } = rhythmFor(occupation, about).work;
  if (start < "07:00") return "the early starts — the alarm goes off while everyone sane is asleep";
  if (end < start) return "the nights, and sleeping while everyone else is awake";
  return "the days when everything goes wrong at once";
}

function bestOf(occupation: string): string {
  return (
    trades.find((t) => t.pattern.test(occupation))?.best ??
    "the moments when it all goes right and someone's day is better for it"
  );
}

/**
 * The hardest or best part of the agent's own work, asked in the work's own words ("driving a
 * train" to a train driver): answered in the first person. Null for any other question.
 */
export function answerTradePart(context: ReplyContext, random: SeededRandom): string[] | null {
  const named = asksPart.exec(context.personMessage);
  // "What's the best thing about it?" points back, as a bare "the best part?" does.
  const found = named && !/^(?:it|that|this)$/i.test(named[2]!.trim()) ? named : null;
  const { occupation } = context.identity;
  // "What's the hardest part?" right after "how do you make a bowl?" to a potter, or after
  // "what do you do all day?": of its trade.
  const bare = found ? null : (named ?? asksBarePart.exec(context.personMessage));
  const askedBefore = context.recentMessages.filter((m) => m.author === "person").at(-1)?.text ?? "";
  const ofTrade = bare !== null && (asksOwnKnowHow(askedBefore, context) || asksOfTrade(askedBefore));
  if (isRetired(occupation) || !(ofTrade || (found && aboutOwnWork(found[2]!, occupation)))) return null;
  const hard = /hardest|worst|toughest|difficult|scariest/i.test((found ?? bare)![1]!);
  return hard
    ? [
        `The hardest part is ${hardestOf(occupation, context.agent.summary)}`,
        random.pick(["But I wouldn't swap it for anything", "Still, I'd choose it again"]),
      ]
    : [
        `The best part is ${bestOf(occupation)}`,
        random.pick(["It's why I keep doing it", "Days like that make it all worth it"]),
      ];
}

/** "The last hour was the hardest", "the first ten minutes are the worst": a stretch of time, and why. */
function stretchReason(core: string): string[] | null {
  const time =
    /^(?:the )?(?:(last|final|end|closing)|(first|opening|early|start))\b.*\b(?:hours?|minutes?|stretch|bit|days?|mornings?|nights?|weeks?|mile|lap|set)\b/i.exec(
      core,
    );
  if (!time) return null;
  return time[1]
    ? [
        `Because by ${core}, everyone's running on empty — patience goes first, then the small mistakes start`,
        "You're so close to done that it's hard to keep your head in it",
      ]
    : [
        `Because in ${core} nothing's warmed up yet — not your hands, not your head`,
        "Once you're past it, the rest mostly carries itself",
      ];
}

/**
 * The part named again in a reason, briefly: "the quiet moment at the end, when it was all done"
 * becomes "the quiet moment at the end" — the clause that paints it is not said twice. A clause
 * that picks out which ones ("the days when everything goes wrong at once") is the part itself:
 * a bare "the days" says nothing, so it stays.
 */
function briefly(core: string): string {
  const clause = core.split(/,\s*/)[0]!.trim();
  const head = clause
    .split(/\s+(?=(?:when|where|while|which|because|after|before|until|once|as soon as)\s)/i)[0]!
    .trim();
  const bareNoun = head !== clause && /^(?:the|a|an|my|our|those|these|some)\s+\S+$/i.test(head);
  const brief = bareNoun ? clause : head;
  return brief.split(/\s+/).length >= 2 ? brief : core;
}

/** "Why?" after the agent named the hardest or best part of something: the reason behind it. */
export function partReason(last: string, random: SeededRandom): string[] | null {
  const part =
    /\b(?:the )?(hardest|worst|toughest|best|nicest) (?:part|bit|thing)(?: of [^.!?]{2,30})? (?:is|was) ([^.!?]{3,100})/i.exec(
      last,
    );
  // "The last hour was the hardest": the thing named before it.
  const named = /^(?:The )?([^.!?—,]{3,40}) (?:is|was) the (hardest|worst|toughest|best|nicest)\b/i.exec(
    last,
  );
  if (!part && !named) return null;
  const which = part?.[1] ?? named![2]!;
  const core = briefly(part ? part[2]!.split(/\s+—\s+|, and /)[0]!.trim() : `the ${named![1]!.trim()}`);
  const stretch = !part && /best|nicest/i.test(which) ? null : stretchReason(core);
  if (stretch) return stretch;
  return /best|nicest/i.test(which)
    ? [
        `Because of ${core} — that's what made me want to do this in the first place`,
        random.pick(["It still gets me, every time", "Everything else is just the way there"]),
      ]
    : [
        `Because with ${core}, there's no shortcut — you can't rush it, skip it or hand it to someone else`,
        random.pick([
          "Everything else gets easier with the years; that part never quite does",
          "And it's the bit nobody sees from the outside",
        ]),
      ];
}
