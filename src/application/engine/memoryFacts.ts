const STOPWORDS = new Set(
  "the a an and or but so to of in on at for with about from this that it is are was were be been have has had do does did not no yes you your i me my we our they them he she his her what when where why how just really very too can could would should will".split(
    " ",
  ),
);

/** The words a stretch of conversation was mostly about, most frequent first. */
export function topicsOf(texts: readonly string[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
      if (STOPWORDS.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word]) => word);
}
