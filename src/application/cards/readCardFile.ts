import { imageSizeProblem } from "../media/imageLimits.ts";
import { type SniffedImage, sniffImage } from "../media/imageSniff.ts";
import { badFile, CARD_FILE_LIMITS, megabytes } from "./cardErrors.ts";
import { type CardAsset, type NormalizedCard, parseCardJson } from "./cardJson.ts";
import { decodeBase64, isPlaceholder, parseJson, readCardFromPng, withoutCardChunks } from "./cardPng.ts";
import { isZip, readCharx } from "./charx.ts";
import { isPng, utf8 } from "./pngChunks.ts";

/** Any card file (PNG, `.charx`, JSON), told apart by its bytes, read into one shape. */

export interface CardPortrait {
  bytes: Uint8Array;
  contentType: SniffedImage["contentType"];
}

export interface ImportedCard {
  card: NormalizedCard;
  format: "png" | "charx" | "json";
  /** The image to use as the base portrait, when the file carries one (a PNG without its card chunks). */
  portrait: CardPortrait | null;
  /** An http(s) portrait the card points to instead; fetching it is up to the caller. */
  portraitUrl: string | null;
  /** Things the operator should know: a fallback chunk, assets not kept. */
  warnings: string[];
}

export function readCardFile(bytes: Uint8Array): ImportedCard {
  if (isPng(bytes)) {
    const payload = readCardFromPng(bytes);
    const card = parseCardJson(payload.json);
    const icon = mainIcon(card.assets ?? []);
    const own =
      (card.assets === null || icon?.uri === "ccdefault:" || icon?.uri.startsWith("embeded://") === true) &&
      !isPlaceholder(bytes);
    return finish(card, "png", own ? image(withoutCardChunks(bytes)) : null, icon, payload.warnings);
  }
  if (isZip(bytes)) {
    const contents = readCharx(bytes, (json) => {
      const assets = (json as { data?: { assets?: unknown } })?.data?.assets;
      const icon = Array.isArray(assets) ? mainIcon(assets.filter(isAsset)) : null;
      return icon?.uri.startsWith("embeded://") ? [icon.uri.slice("embeded://".length)] : [];
    });
    const card = parseCardJson(contents.json);
    const icon = mainIcon(card.assets ?? []);
    const embedded = icon?.uri.startsWith("embeded://") ? contents.images.get(icon.uri.slice(10)) : undefined;
    return finish(card, "charx", embedded ? image(embedded) : null, icon, []);
  }
  if (bytes.length > CARD_FILE_LIMITS.jsonBytes)
    throw badFile("CardTooLarge", `The card JSON is ${megabytes(bytes.length)}; the limit is 1 MB.`);
  const text = utf8(bytes, "The card file is not a PNG, a .charx or UTF-8 JSON.");
  if (!/^\s*[{[]/.test(text.replace(/^\uFEFF/, "")))
    throw badFile("CardUnknownFormat", "The card file is not a PNG, a .charx or JSON.");
  const card = parseCardJson(parseJson(text, "card file"));
  return finish(card, "json", null, mainIcon(card.assets ?? []), []);
}

function finish(
  card: NormalizedCard,
  format: ImportedCard["format"],
  portrait: CardPortrait | null,
  icon: CardAsset | null,
  warnings: string[],
): ImportedCard {
  let found = portrait;
  let portraitUrl: string | null = null;
  if (!found && icon?.uri.startsWith("data:")) found = dataUriImage(icon.uri);
  if (!found && icon && /^https?:\/\//i.test(icon.uri)) portraitUrl = icon.uri;
  warnings.push(...(card.readWarnings ?? []));
  if (card.newerSpecVersion)
    warnings.push(
      `The card follows Character Card V3 version ${card.newerSpecVersion}, newer than 3.0: what that version added is not read.`,
    );
  const assets = card.assets ?? [];
  const dropped = assets.filter((a) => a !== mainIcon(assets) && a.uri !== "ccdefault:");
  if (dropped.length > 0)
    warnings.push(`${dropped.length} asset(s) of the card (backgrounds, expressions, …) are not kept.`);
  if (icon && !found && !portraitUrl && icon.uri !== "ccdefault:")
    warnings.push("The card's portrait could not be read; generate or upload one.");
  return { card, format, portrait: found, portraitUrl, warnings };
}

/** The `icon` asset named `main`, else the first icon (CCv3 asset rules). */
export function mainIcon(assets: readonly CardAsset[]): CardAsset | null {
  const icons = assets.filter((a) => a.type === "icon");
  return icons.find((a) => a.name === "main") ?? icons[0] ?? null;
}

function isAsset(value: unknown): value is CardAsset {
  const a = value as CardAsset;
  return typeof a === "object" && a !== null && typeof a.type === "string" && typeof a.uri === "string";
}

/** The card's own image as its portrait; one too large to show refuses the card. */
function image(bytes: Uint8Array): CardPortrait | null {
  const sniffed = sniffImage(bytes);
  if (!sniffed) return null;
  const problem = imageSizeProblem(sniffed);
  if (problem) throw badFile("CardImageTooLarge", `The card's portrait cannot be used: ${problem}.`);
  return { bytes, contentType: sniffed.contentType };
}

function dataUriImage(uri: string): CardPortrait | null {
  const match = /^data:image\/[a-z+.-]+;base64,(.*)$/is.exec(uri);
  if (!match) return null;
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(match[1]!, "portrait");
  } catch {
    return null;
  }
  return image(bytes);
}
