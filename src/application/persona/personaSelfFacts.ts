import type { ExtractedFact } from "../memory/factKinds.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * What the person just said about their own life (their job, studies, home or a hobby) taken up
 * the way a friend would: a remark on it and a question about it ("A nurse — that must be
 * demanding. Do you work nights?"). Null when the fact is none of those or cannot be worded.
 */
export function takeUpSelfFact(fact: ExtractedFact, random: SeededRandom): [string, string] | null {
  const clause = fact.quote.replace(/[.!]+$/, "").trim();
  switch (fact.kind) {
    case "work":
      return study(clause, random) ?? job(clause, random) ?? workplace(clause, random);
    case "place":
      return home(clause, random);
    case "preference":
      return hobby(clause, random);
    default:
      return null;
  }
}

type Family = { jobs: RegExp; remarks: string[]; questions: string[] };

const families: Family[] = [
  {
    jobs: /\b(?:nurse|doctor|paramedic|midwife|carer|caregiver|surgeon|physician|GP|pharmacist|vet)\b/i,
    remarks: ["that must be demanding", "that's such important work"],
    questions: ["Do you work nights?", "Are the shifts long?"],
  },
  {
    jobs: /\b(?:teacher|lecturer|tutor|professor|teaching assistant)\b/i,
    remarks: ["that takes a lot of patience", "your students are lucky"],
    questions: ["What do you teach?", "How old are your students?"],
  },
  {
    jobs: /\b(?:engineer|developer|programmer|coder|analyst|scientist|architect|designer)\b/i,
    remarks: ["that sounds like a lot of problem-solving", "that sounds really interesting"],
    questions: ["What are you working on at the moment?", "What do you like most about it?"],
  },
  {
    jobs: /\b(?:chef|cook|baker|barista|waiter|waitress|bartender|server)\b/i,
    remarks: ["so you're on your feet all day", "that sounds busy"],
    questions: ["What's your favourite thing to make?", "Is it busy most days?"],
  },
  {
    jobs: /\b(?:artist|illustrator|writer|author|musician|photographer|painter|actor|actress|dancer)\b/i,
    remarks: ["I love that", "that's a lovely thing to do for a living"],
    questions: ["What are you working on right now?", "How did you get started?"],
  },
];

const anyJob = {
  remarks: ["that sounds interesting", "I'd love to hear more about that"],
  questions: ["How did you get into it?", "Do you enjoy it?", "What's a normal day like for you?"],
};

/** "I work as a nurse", "I'm a software engineer" → "a nurse", "a software engineer". */
function job(clause: string, random: SeededRandom): [string, string] | null {
  const match =
    /\b(?:work(?:ing|ed)? as|I'm|I am|I've been|I have been|I became|I'm training to be|I qualified as)\s+(an?\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)(?=\s+(?:at|in|for|with|and|but|who|since|on)\b|[,;]|$)/iu.exec(
      clause,
    );
  if (!match) return null;
  const title = towardPerson(match[1]!);
  if (/\bstudent\b/i.test(title))
    return [
      random.pick(["Student life", "A student — lots of learning"]),
      random.pick(["What are you studying?", "What are you studying, and do you like it?"]),
    ];
  const family = families.find((f) => f.jobs.test(title)) ?? anyJob;
  const nights = /\bnights?\b|\bshifts?\b/i.test(clause);
  return [
    `${capitalize(title)} — ${random.pick(family.remarks)}`,
    nights ? "How do you manage your sleep?" : random.pick(family.questions),
  ];
}

/** "I work at a bakery", "I work nights at the hospital". */
function workplace(clause: string, random: SeededRandom): [string, string] | null {
  const match =
    /\bwork(?:s|ing)?\s+(nights\s+|shifts\s+)?(?:at|for|in)\s+((?:an?|the|my)\s+[\p{L}\s-]+)$/iu.exec(clause);
  if (!match) return null;
  const where = towardPerson(match[2]!.trim());
  if (match[1])
    return [
      `Nights at ${where} — that must be tiring`,
      random.pick(["How do you manage your sleep?", "How long are your shifts?"]),
    ];
  return [
    random.pick([`Oh, ${where}`, `Oh nice, you work at ${where}`]),
    random.pick(["How long have you worked there?", "Do you like it there?", "What do you do there?"]),
  ];
}

/** "I'm studying medicine", "I study law at university"; not "I'm studying hard". */
function study(clause: string, random: SeededRandom): [string, string] | null {
  const match =
    /\b(?:studying|study|studied|majoring in|major in|doing (?:a|my) (?:degree|phd|masters|master's) in)\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)(?=\s+(?:at|in)\b|$)/iu.exec(
      clause,
    );
  const subject = match?.[1] ? towardPerson(match[1].trim()) : null;
  if (
    !subject ||
    /^(?:at|in|for|to|hard|a|all|so|really|late|every|with|abroad|part|full|online)\b/i.test(subject)
  )
    return null;
  return [
    `${capitalize(subject)} — ${random.pick(["that's a lot of work", "how interesting", "good for you"])}`,
    random.pick([`What made you choose ${subject}?`, "What year are you in?", "Are you enjoying it?"]),
  ];
}

/** "I live in Leeds", "I just moved to Berlin", "I'm from Manchester". */
function home(clause: string, random: SeededRandom): [string, string] | null {
  const place = /\b(?:in|to|from)\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)*)/u.exec(clause)?.[1];
  if (!place) return null;
  const named = random.pick([place, `Oh, ${place}`]);
  if (/\bmoved\b/i.test(clause))
    return [
      random.pick([`A move to ${place}`, `${place}, how exciting`]),
      random.pick(["How are you settling in?", "What made you move?"]),
    ];
  if (/\bgrew up\b|\bborn\b|\braised\b|\bfrom\b/i.test(clause))
    return [named, random.pick(["Do you still go back much?", "What was it like growing up there?"])];
  return [named, random.pick(["What's it like living there?", "How long have you lived there?"])];
}

/** "I love hiking", "I play the guitar", "My hobby is painting", "I do yoga every morning". */
function hobby(clause: string, random: SeededRandom): [string, string] | null {
  const played = /\bI (?:\w+ )?play (the [\p{L}-]+|[\p{L}-]+)(?:\s+(?:on|at|with|every|in|for)\b.*)?$/iu.exec(
    clause,
  )?.[1];
  if (played?.startsWith("the "))
    return [
      random.pick([`Oh, ${played}`, `${capitalize(played)} — I'd love to hear you play`]),
      random.pick(["How long have you been playing?", "What do you like to play?"]),
    ];
  if (played)
    return [
      `${capitalize(played)} — ${random.pick(["nice", "that keeps you fit"])}`,
      random.pick(["Do you play in a team?", "How long have you been playing?"]),
    ];
  const activity =
    /\bmy (?:\w+ )?(?:hobby|hobbies|passion) (?:is|are) ([\p{L}\s-]+)$/iu.exec(clause)?.[1] ??
    /\bI (?:really |absolutely )?(?:love|enjoy|adore) ([\p{L}-]+ing(?:\s+[\p{L}'-]+){0,3})$/iu.exec(
      clause,
    )?.[1] ??
    /\bI (?:\w+ )?do (yoga|pilates|karate|judo|boxing|ballet|crossfit|parkour)\b/iu.exec(clause)?.[1] ??
    /\b(?:into|a (?:big |huge )?fan of|obsessed with|passionate about|crazy about|mad about) ([\p{L}\s'-]+)$/iu.exec(
      clause,
    )?.[1];
  if (!activity) return null;
  const what = towardPerson(activity.trim());
  return [
    `${capitalize(what)} — ${random.pick(["I love that", "good choice", "nice"])}`,
    random.pick(
      /\band\b/.test(what)
        ? ["How did you get into them?", "What got you started?"]
        : ["How did you get into it?", "How long have you been into it?", "What got you started?"],
    ),
  ];
}
