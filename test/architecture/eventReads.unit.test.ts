import { describe, expect, it } from "vitest";
import { sourceFiles } from "./sourceFiles.ts";

/** The one place that turns stored JSON into typed events: it validates and upcasts. */
const CATALOGUE = "src/domain/shared/eventCatalogue.ts";

describe("reading events", () => {
  it("casts no event data anywhere: stored events are parsed by the catalogue", () => {
    const casts = sourceFiles("src", "projections", "client/src")
      .filter(({ file }) => file !== CATALOGUE)
      .flatMap(({ file, text }) =>
        text
          .split("\n")
          .map((line, index) => ({ line: line.trim(), at: `${file}:${index + 1}` }))
          .filter(({ line }) => /\.data\s+as\s/.test(line) || /\bdata as [A-Z]\w*\[/.test(line)),
      );
    expect(casts.map(({ at, line }) => `${at}  ${line}`)).toEqual([]);
  });
});
