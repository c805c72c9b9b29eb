import { assertNever } from "../../domain/shared/decider.ts";
import { occupationInSentence } from "../prompt/occupationWording.ts";
import type { PartOfDay, ReplyContext } from "../prompt/replyContext.ts";
import type { ImageRequestKind } from "./detectImageRequest.ts";
import { type PictureWish, pictureWish } from "./pictureWish.ts";

export type SceneInput = Pick<
  ReplyContext,
  "identity" | "localTime" | "weather" | "availability" | "activeScenarios" | "mood" | "recentMessages"
> & { personMessage: string; kind: ImageRequestKind };

export interface Scene {
  location: string;
  activity: string;
  lighting: string;
  /** Only for outdoor scenes. */
  weather: string | null;
  expression: string;
  framing: string;
  /** The prompt for the image-edit model, which starts from the agent's base portrait. */
  prompt: string;
}

const workplaces: readonly [RegExp, string][] = [
  [/nurse|doctor|medic/i, "in a hospital corridor in scrubs"],
  [/teach|professor|tutor/i, "in a classroom by the whiteboard"],
  [/barista|caf[eé]/i, "behind a café counter"],
  [/design|illustrat|artist|paint/i, "at a studio desk covered in sketches"],
  [/develop|engineer|programm/i, "at a desk with two monitors"],
  [/chef|cook|baker/i, "in a busy restaurant kitchen"],
  [/music|singer|guitar|pian/i, "in a rehearsal room with instruments"],
  [/student/i, "in a university library"],
  [/writ|author|journalist|editor/i, "at a desk with notebooks and a coffee"],
  [/photograph/i, "outdoors holding a camera"],
];
const placeWords =
  /\b(?:at|in|on) (?:the|a|my) (caf[eé]|beach|park|gym|studio|office|kitchen|bed|sofa|couch|library|bar|restaurant|market|train|bus|garden|balcony|terrace|street)\b/i;
const outdoors =
  /beach|park|market|garden|balcony|terrace|street|outdoors|outside|view|stop|station|mountain|lake|sea\b|river|forest|woods|trail|square|bridge|rooftop/i;

const expressions: Record<string, string> = {
  joyful: "a big, bright smile",
  content: "a soft, easy smile",
  calm: "a relaxed expression",
  playful: "a cheeky grin",
  affectionate: "a warm smile, looking straight into the camera",
  curious: "a curious look, one eyebrow raised",
  melancholy: "a wistful half-smile",
  anxious: "a slightly nervous smile",
  irritated: "an unimpressed look",
  tired: "sleepy eyes and a lazy smile",
};

/** Where the agent is and what it is doing right now, as a picture: consistent with the chat. */
export function describeScene(input: SceneInput): Scene {
  const wish = pictureWish(input.personMessage);
  const { location, activity } = placeAndActivity(input, wish);
  const lighting = lightingFor(input.localTime.partOfDay);
  const outside = outdoors.test(location) || input.kind === "scene";
  const weather = outside ? `${input.weather.condition} ${input.weather.season} weather` : null;
  const expression = expressions[input.mood.name] ?? expressions.calm!;
  const framing = /\b(?:wearing|outfit|dressed)\b/i.test(input.personMessage)
    ? "a mirror selfie showing the whole outfit"
    : input.kind === "scene"
      ? "a phone selfie with the surroundings in view behind"
      : input.kind === "appearance"
        ? "a casual selfie portrait, head and shoulders"
        : "a candid phone selfie at arm's length";
  const prompt = [
    `${framing} of the same person as in the reference portrait`,
    location,
    activity,
    // What they asked it to show, beside where it is: "with your coffee", "wearing the red scarf".
    wish && !wish.place ? wish.text : null,
    lighting,
    weather,
    expression,
    `${input.identity.homeCity} in the ${input.localTime.partOfDay}`,
    "photorealistic, natural colours, no text",
  ]
    .filter(Boolean)
    .join(", ");
  return { location, activity, lighting, weather, expression, framing, prompt };
}

function placeAndActivity(
  input: SceneInput,
  wish: PictureWish | null,
): { location: string; activity: string } {
  const scenario = input.activeScenarios[0];
  // Busy somewhere, it sends what is there; otherwise it goes where it was asked to be.
  if (input.availability.status === "busy" && scenario)
    return { location: `at ${scenario.title.toLowerCase()}`, activity: scenario.description.toLowerCase() };
  if (wish?.place) return { location: wish.place, activity: "as asked in the chat" };
  const mentioned = [...input.recentMessages]
    .reverse()
    .filter((message) => message.author === "agent")
    .slice(0, 3)
    .map((message) => placeWords.exec(message.text)?.[0])
    .find(Boolean);
  if (mentioned) return { location: mentioned.toLowerCase(), activity: "as described in the chat" };
  const weekend = input.localTime.weekday === "Saturday" || input.localTime.weekday === "Sunday";
  const workplace = workplaces.find(([pattern]) => pattern.test(input.identity.occupation))?.[1] ?? "at work";
  const part: PartOfDay = input.localTime.partOfDay;
  switch (part) {
    case "early morning":
      return { location: "at home by the kitchen window", activity: "holding a morning coffee" };
    case "morning":
    case "afternoon":
      return weekend
        ? { location: `at a street café in ${input.identity.homeCity}`, activity: "taking a break, relaxed" }
        : {
            location: workplace,
            activity: `working as a ${occupationInSentence(input.identity.occupation)}`,
          };
    case "evening":
      return { location: "at home on the sofa", activity: "winding down after the day" };
    case "night":
    case "late night":
      return { location: "at home in bed", activity: "cosy, wrapped in a blanket" };
    default:
      return assertNever(part);
  }
}

function lightingFor(part: PartOfDay): string {
  switch (part) {
    case "early morning":
      return "soft early-morning light";
    case "morning":
      return "fresh morning daylight";
    case "afternoon":
      return "bright afternoon daylight";
    case "evening":
      return "golden evening light";
    case "night":
      return "warm lamp light";
    case "late night":
      return "dim bedside lamp light";
    default:
      return assertNever(part);
  }
}
