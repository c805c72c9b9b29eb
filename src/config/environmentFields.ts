import { z } from "zod";

/** How environment variables read: blank is unset, and a bad value says what it must be. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const optionalUrl = (protocols: string[], example: string) =>
  optionalText.refine(
    (value) => value === undefined || (URL.canParse(value) && protocols.includes(new URL(value).protocol)),
    {
      message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")} (e.g. ${example})`,
    },
  );

export const list = optionalText.transform((value) =>
  value
    ? value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean)
    : [],
);

export const optionalFlag = optionalText.transform((value, context) => {
  if (value === undefined) return undefined;
  if (["1", "true", "yes", "on"].includes(value.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(value.toLowerCase())) return false;
  context.addIssue({ code: "custom", message: "must be true or false" });
  return z.NEVER;
});

export const flag = (fallback: boolean) => optionalFlag.transform((value) => value ?? fallback);

/** A number the variable must hold (`accepts` says which), or `fallback` when it is unset. */
export const numberField = <Fallback extends number | undefined>(
  fallback: Fallback,
  accepts: (value: number) => boolean,
  message: string,
) =>
  optionalText.transform((value, context): number | Fallback => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (accepts(number)) return number;
    context.addIssue({ code: "custom", message });
    return z.NEVER;
  });

export const port = <Fallback extends number | undefined>(fallback: Fallback) =>
  numberField(
    fallback,
    (n) => Number.isInteger(n) && n >= 0 && n <= 65_535,
    "must be a whole number between 0 and 65535",
  );

export const positive = (fallback: number) =>
  numberField(fallback, (n) => Number.isFinite(n) && n > 0, "must be a positive number");

/** Push services want a contact in VAPID: a mailto: address or an https: URL. */
export function isVapidSubject(value: string): boolean {
  if (/^mailto:[^@\s]+@[^@\s]+$/.test(value)) return true;
  return URL.canParse(value) && new URL(value).protocol === "https:";
}
