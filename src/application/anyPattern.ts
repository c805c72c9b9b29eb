/**
 * Whether any of the patterns matches a text, tried as one pattern per set of flags: most lines
 * hold none of a long list of phrases, and each phrase tried alone scans the whole line again.
 * An alternation matches where one of its branches does, so the answer is the same.
 */
export function anyPattern(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, string[]>();
  const alone: RegExp[] = [];
  for (const pattern of patterns) {
    const flags = pattern.flags.replace("g", "");
    // A back-reference or a group name would point elsewhere among the joined patterns; a sticky
    // pattern matches only where it is told to.
    if (/\\[1-9]|\\k<|\(\?<[^=!]/.test(pattern.source) || flags.includes("y"))
      alone.push(new RegExp(pattern));
    else byFlags.set(flags, [...(byFlags.get(flags) ?? []), `(?:${pattern.source})`]);
  }
  const joined = [...byFlags].map(([flags, sources]) => new RegExp(sources.join("|"), flags));
  return (text) =>
    joined.some((pattern) => pattern.test(text)) ||
    alone.some((pattern) => {
      pattern.lastIndex = 0;
      return pattern.test(text);
    });
}
