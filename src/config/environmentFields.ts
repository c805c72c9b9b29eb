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

export const port = <Fallback extends number | undefined>(fallback: Fallback) =>
  optionalText.transform((value, context): number | Fallback => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (Number.isInteger(number) && number >= 0 && number <= 65_535) return number;
    context.addIssue({ code: "custom", message: "must be a whole number between 0 and 65535" });
    return z.NEVER;
  });

export const positive = (fallback: number) =>
  optionalText.transform((value, context) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (Number.isFinite(number) && number > 0) return number;
    context.addIssue({ code: "custom", message: "must be a positive number" });
    return z.NEVER;
  });
