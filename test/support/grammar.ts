/**
 * A small grammar check for generated lines: a capital, final punctuation, a subject with a verb
 * after it ("I a meeting" fails), no doubled words, no unfilled placeholders. Titles are noun
 * phrases and only get the checks that fit them.
 */
const PAST =
  /^(?:[a-z]+ed|ate|began|bought|brought|caught|came|did|drank|drove|fell|felt|found|forgot|gave|got|went|had|heard|hid|kept|knew|left|lost|made|met|paid|put|ran|read|rode|sang|sat|saw|sent|slept|spent|spoke|stood|swam|took|taught|told|thought|threw|woke|won|wore|wrote|was|were|shook|dug|hung|led|let|lit|set|shut|spun|stuck|struck|swept|wept|bit|blew|broke|chose|drew|flew|grew|rang|rose|shone|shot|sold|split|sprang|stole)$/;
const PRESENT =
  /^(?:am|is|are|have|has|do|does|can|could|will|would|should|might|must|need|want|love|like|feel|think|know|get|go|make|take|see|say|look|seem|hope|wish|guess|mean|keep|miss|remember|play|read|work|live|try|draw|build|teach|write|spend|photograph|start|finish|switch|trust|talk|eat|cook|bake|sleep|walk|run)$/;
const ADVERB =
  /^(?:finally|barely|just|really|also|never|always|still|actually|even|only|almost|nearly|already|once|sometimes|often|kind|sort|literally|totally)$/;
const SUBJECT =
  /^(?:I|I'm|I've|I'd|I'll|My|We|We're|We've|Our|It|It's|There|There's|The|This|That|Everything|Everyone|Nobody|Someone|A|An|One|Today|Oh)$/;

function words(line: string): string[] {
  return line
    .replace(/[—–]/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, ""))
    .filter(Boolean);
}

function isVerb(word: string): boolean {
  const w = word.toLowerCase();
  return (
    PAST.test(w) ||
    PRESENT.test(w) ||
    /^(?:i'm|i've|i'd|i'll|we're|we've|it's|there's|that's|you're|you've|here's|let's|what's)$/.test(w) ||
    /^(?:do|does|did|ca|wo|would|could|should|is|are|was|were|have|has)n't$/.test(w)
  );
}

export function grammarProblems(line: string, kind: "sentence" | "title" = "sentence"): string[] {
  const problems: string[] = [];
  const text = line.trim();
  if (!/^[\p{Lu}\d"“]/u.test(text)) problems.push("does not start with a capital");
  if (/[{}]/.test(text)) problems.push("has an unfilled placeholder");
  if (/\s{2,}|\s[,.;:!?]|[,;:]{2}|\.\./.test(text.replace(/…/g, "")))
    problems.push("has stray spacing or punctuation");
  const list = words(text);
  for (let i = 1; i < list.length; i++)
    if (list[i]!.toLowerCase() === list[i - 1]!.toLowerCase()) problems.push(`doubles "${list[i]}"`);
  if (kind === "title") return problems;
  if (!/[.!?…]["”)]?$/.test(text)) problems.push("does not end with punctuation");
  if (!SUBJECT.test(list[0] ?? "") && !isVerb(list[1] ?? ""))
    problems.push(`no subject at the start ("${list[0]}")`);
  if (!list.some(isVerb)) problems.push("has no verb");
  // Wherever "I" stands as a subject, a verb follows it (after adverbs).
  list.forEach((word, i) => {
    if (word !== "I") return;
    let j = i + 1;
    while (j < list.length && ADVERB.test(list[j]!.toLowerCase())) j++;
    const next = list[j];
    if (next && !isVerb(next)) problems.push(`"I ${next}" has no verb after the subject`);
  });
  return problems;
}
