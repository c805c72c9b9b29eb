import type { ReplyContext } from "../prompt/replyContext.ts";
import { fixedForAgent } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * Questions about how the agent looks (height, eyes, hair, what it looks like), answered from its
 * appearance (the words its portraits are drawn from). What those words leave out is made up once
 * per agent, so it says the same height and eye colour every time.
 */
export function answerAboutLooks(text: string, context: ReplyContext): string[] | null {
  const worn =
    /\bdo you (?:wear|have|ever wear) (?:any )?(glasses|specs|contacts|a beard|tattoos?|freckles|piercings?|earrings)\b/i.exec(
      text,
    )?.[1];
  if (worn) {
    const stem = worn
      .toLowerCase()
      .replace(/^a /, "")
      .replace(/s$/, "")
      .replace(/^spec$/, "glasse");
    const has = featuresOf(context.agent.appearance ?? "").find((f) => f.toLowerCase().includes(stem));
    return has ? [`I do — ${has}`, "You'd recognise me by them"] : ["No, not me", "What made you ask?"];
  }
  const asks = whatIsAsked(text);
  if (!asks) return null;
  const features = featuresOf(context.agent.appearance ?? "");
  switch (asks) {
    case "height": {
      const said = features.find((f) =>
        /^(?:quite |rather |very )?(?:tall|short|petite)$|\d\s*(?:cm|m)\b|\d'\s*\d/i.test(f),
      );
      const cm = 156 + Math.floor(fixedForAgent(context, "height").next() * 30);
      const measured =
        context.identity.country === "United States" ? feetAndInches(cm) : `${(cm / 100).toFixed(2)} m`;
      return said
        ? [`About ${measured} — ${said.replace(/^(?:quite |rather )?/, "")}, as people keep telling me`]
        : [
            `About ${measured}`,
            cm >= 175 ? "Tall enough to reach the top shelf" : "Not tall, but I make up for it",
          ];
    }
    case "eyes": {
      const eyes = features.find((f) => /\beyes?\b/i.test(f));
      const colour = fixedForAgent(context, "eyes").pick([
        "brown",
        "dark brown",
        "hazel",
        "green",
        "grey",
        "blue",
      ]);
      return [eyes ? capitalize(eyes) : `${capitalize(colour)} eyes`, "Or so the mirror says"];
    }
    case "hair": {
      const hair = features.find((f) => /\bhair|bald|braid|bun|ponytail\b/i.test(f));
      return hair
        ? [capitalize(hair), "Most days, anyway"]
        : ["Dark, and usually a bit of a mess", "I keep meaning to get it cut"];
    }
    case "looks": {
      const body = features.filter((f) => !WORN.test(f)).slice(0, 2);
      const worn = outfitOf(context.agent.appearance ?? "");
      if (body.length === 0 && !worn) return null;
      return [
        body.length > 0 ? capitalize(body.join(" and ")) : "Nothing remarkable, honestly",
        ...(worn ? [`Usually in ${worn}`] : []),
      ];
    }
    default:
      return asks satisfies never;
  }
}

type Asked = "height" | "eyes" | "hair" | "looks";

function whatIsAsked(text: string): Asked | null {
  if (/\bhow tall\b|\byour height\b/i.test(text)) return "height";
  if (/\b(?:colou?r|kind) (?:are|is|of) your eyes?\b|\byour eyes? colou?r\b|\beye colou?r\b/i.test(text))
    return "eyes";
  if (
    /\b(?:colou?r|kind) (?:are|is|of) your hair\b|\byour hair colou?r\b|\bhair colou?r\b|\bhow (?:long|short) is your hair\b/i.test(
      text,
    )
  )
    return "hair";
  if (
    /\bwhat do you look like\b|\bdescribe (?:yourself|your looks|how you look)\b|\bhow do you look\b|\bwhat you look like\b/i.test(
      text,
    )
  )
    return "looks";
  return null;
}

/** What the agent's appearance has it wear ("a grey hoodie"), as its own ("my grey hoodie"). */
export function outfitOf(appearance: string): string | null {
  const features = featuresOf(appearance);
  const worn =
    features.find((f) => WORN.test(f) && !/\b(?:headphones|hat|cap|scarf)\b/i.test(f)) ??
    features.find((f) => WORN.test(f));
  return worn ? worn.replace(/^an? /, "my ").replace(/\bthe (neck|head|ear)\b/, "my $1") : null;
}

const WORN =
  /\b(?:jacket|hoodie|shirt|t-shirt|dress|wetsuit|apron|sweater|jumper|coat|hat|cap|scarf|headphones|overalls|suit|cardigan|jeans|boots|uniform)\b/i;

/** "shoulder-length curly dark hair, freckles, a green jacket" → its phrases, said by the agent. */
function featuresOf(appearance: string): string[] {
  return appearance
    .split(/[,;.\n]|\band\b(?= an? )/)
    .map((phrase) => phrase.trim().replace(/\b(?:her|his|their)\b/gi, "my"))
    .filter(
      (phrase) =>
        phrase.length > 2 &&
        phrase.length <= 60 &&
        !/\b(?:portrait|photo|style|lighting|background)\b/i.test(phrase),
    );
}

function feetAndInches(cm: number): string {
  const inches = Math.round(cm / 2.54);
  return `${Math.floor(inches / 12)}'${inches % 12}"`;
}
