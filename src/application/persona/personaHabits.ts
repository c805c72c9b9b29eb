import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { pastimeOf } from "./personaPastimes.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { todaysWork } from "./personaSmallTalk.ts";

/** A pastime a person may ask about: the words that name it and the jobs that do it for a living. */
interface Habit {
  verb: RegExp;
  /** How an interest that is this pastime starts ("cook" for "cooking"). */
  stems: readonly string[];
  job?: RegExp;
}

const HABITS: readonly Habit[] = [
  { verb: /cook/, stems: ["cook"], job: /chef|cook/i },
  { verb: /bake/, stems: ["bak", "pastr"], job: /baker|pastry/i },
  { verb: /paint/, stems: ["paint"], job: /paint|artist/i },
  { verb: /draw|sketch/, stems: ["draw", "sketch"], job: /illustrat|artist|cartoon/i },
  { verb: /write/, stems: ["writ", "poet"], job: /writ|author|journalist|novelist|poet|editor/i },
  { verb: /sing/, stems: ["sing", "choir", "karaoke"], job: /singer|vocal/i },
  { verb: /dance/, stems: ["danc", "ballet", "salsa"], job: /dancer|choreograph/i },
  { verb: /garden/, stems: ["garden"], job: /garden|landscap|florist/i },
  { verb: /knit|sew|crochet/, stems: ["knit", "sew", "crochet"], job: /tailor|seamstress/i },
  { verb: /swim/, stems: ["swim"], job: /swim|lifeguard/i },
  { verb: /run|jog/, stems: ["run", "jog", "marathon"] },
  { verb: /cycle|bike/, stems: ["cycl", "bik"], job: /courier/i },
  { verb: /hike/, stems: ["hik", "trek"] },
  { verb: /climb|boulder/, stems: ["climb", "boulder"] },
  { verb: /surf/, stems: ["surf"] },
  { verb: /ski|snowboard/, stems: ["ski", "snowboard"] },
  { verb: /fish/, stems: ["fish"], job: /fisher/i },
  { verb: /code|program/, stems: ["cod", "programm"], job: /develop|software|programm|coder/i },
  { verb: /meditate/, stems: ["meditat", "yoga"] },
];

const ASKED =
  /^\s*(?:so |and )?(?:do|can|could) you (?:ever |still |often |even |actually |like to |know how to )?([a-z]+)(?: much| a lot| at all| often| well)?\s*[?!.]*\s*$/i;

/**
 * "Do you cook?": a question about a pastime of the agent's, answered from its interests or its
 * job when either is that pastime, else honestly (it is not one of its things). Null when the
 * question is about no pastime it knows.
 */
export function answerAboutHabit(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const verb = ASKED.exec(text)?.[1]?.toLowerCase();
  const habit = verb ? HABITS.find((h) => new RegExp(`^(?:${h.verb.source})$`).test(verb)) : undefined;
  if (!verb || !habit) return null;
  const interests = context.agent.interests;
  const shared = interests.find((interest) =>
    habit.stems.some((stem) => new RegExp(`\\b${stem}`, "i").test(interest)),
  );
  if (shared)
    return [doIt(shared, random), random.pick(["I could talk about it for hours", "It's how I switch off"])];
  const { occupation } = context.identity;
  if (habit.job?.test(occupation))
    return [
      `I'm ${withIndefiniteArticle(occupation)}, so it's my job`,
      `Right now it's ${todaysWork(context)}`,
    ];
  const elsewhere = freeTime(interests, random);
  return [
    verb === "cook" || verb === "bake"
      ? random.pick(["Only the basics, honestly", "Not much — I keep it simple"])
      : random.pick(["Not really, to be honest", "Not much, honestly"]),
    elsewhere,
  ];
}

/** "Yes" to a pastime the agent has: "I do — cooking is my happy place". */
export function doIt(pastime: string, random: SeededRandom): string {
  return random.pick([
    `I do — ${pastime} is my happy place`,
    `Yes, ${pastime} is one of my favourite things`,
  ]);
}

/** Where the agent's free time goes instead: one of its interests, or quiet evenings. */
export function freeTime(interests: readonly string[], random: SeededRandom): string {
  return `My free time mostly goes to ${pastimeOf(interests, random, "quiet evenings")}`;
}
