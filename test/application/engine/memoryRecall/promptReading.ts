import type { ComposeRequest } from "../../../../src/application/engine/replyComposer.ts";

/**
 * Reading a reply prompt as a model would see it: the lines under "What you remember about …",
 * and two checks on them made with plain words (no stemming, no embedder), independently of how
 * retrieval itself decides what is a duplicate.
 */
export function memorySection(request: ComposeRequest, person: string): string[] {
  const system = request.messages.find((m) => m.role === "system")?.content ?? "";
  const heading = `What you remember about ${person}:`;
  const start = system.indexOf(heading);
  if (start === -1) return [];
  const lines: string[] = [];
  for (const line of system
    .slice(start + heading.length)
    .split("\n")
    .slice(1)) {
    if (!line.startsWith("- ")) break;
    lines.push(line.slice(2));
  }
  return lines;
}

const STOP = new Set(
  "a an the and or but of to in on at for with by from as is are was were be been am i me my we our you your it its this that so she he they their them his her has have had do does did not no just very really about over".split(
    " ",
  ),
);

function words(text: string, person: string): Set<string> {
  const name = person.toLowerCase();
  return new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((w) => w.length > 1 && !STOP.has(w) && w !== name && w !== "said")
      .map((w) => w.replace(/(?:'s|s)$/, "")),
  );
}

/** How much of `inner`'s content words `outer` holds. */
function overlap(inner: Set<string>, outer: Set<string>): number {
  if (inner.size === 0) return 1;
  let shared = 0;
  for (const word of inner) if (outer.has(word)) shared++;
  return shared / inner.size;
}

/** Pairs of lines where the shorter one's words are (nearly) all in the other: the same memory twice. */
export function redundantPairs(lines: readonly string[], person: string): number {
  let pairs = 0;
  const sets = lines.map((line) => words(line, person));
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++) {
      const [small, big] = sets[i]!.size <= sets[j]!.size ? [sets[i]!, sets[j]!] : [sets[j]!, sets[i]!];
      if (small.size >= 2 && overlap(small, big) >= 0.8) pairs++;
    }
  return pairs;
}

/** A memory line that says nothing beyond the message being answered: the turn recalling itself. */
export function repeatsMessage(lines: readonly string[], message: string, person: string): boolean {
  const said = words(message, person);
  return lines.some((line) => {
    const remembered = words(line, person);
    return remembered.size >= 2 && overlap(remembered, said) >= 0.8;
  });
}
