/** The shape the server takes a dev token in (DevTokenAuthenticator): `dev`, or `dev:` and a name. */
const DEV_TOKEN = /^dev(?::[A-Za-z0-9][A-Za-z0-9_-]{0,39})?$/;
const NAME_RULE = "a name of letters, digits, - and _ (up to 40, no spaces)";

/**
 * Why a typed dev token can not sign in, in words, or null when it may be tried. The server would
 * refuse a token with a space as a malformed header and one like `dev:sam!` as unknown, neither of
 * which tells the person what to type instead.
 */
export function devTokenProblem(token: string): string | null {
  if (DEV_TOKEN.test(token)) return null;
  if (/^dev(?=$|\s*:)/i.test(token) && !token.startsWith("dev"))
    return "Write dev in lower case: dev, or dev:<name>.";
  const name = /^dev\s*:(.*)$/is.exec(token)?.[1];
  if (name === undefined)
    return /\s/.test(token) ? `A token has no spaces: dev, or dev:<name> with ${NAME_RULE}.` : null;
  const suggestion = `dev:${name
    .trim()
    .replace(/\s+/g, "_")
    .replace(/[^a-z0-9_-]/gi, "")
    .slice(0, 40)}`;
  const tryThis = DEV_TOKEN.test(suggestion) && suggestion !== "dev:" ? ` Try ${suggestion}.` : "";
  return `After dev: comes ${NAME_RULE}.${tryThis}`;
}
