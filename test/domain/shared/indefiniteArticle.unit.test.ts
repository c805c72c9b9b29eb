import { describe, expect, it } from "vitest";
import { indefiniteArticle, withIndefiniteArticle } from "../../../src/domain/shared/indefiniteArticle.ts";

describe("indefiniteArticle", () => {
  it.each([
    ["engineer", "an"],
    ["Engineer", "an"],
    ["nurse", "a"],
    ["  apple", "an"],
    ["umbrella maker", "an"],
    ["unemployed actor", "an"],
    ["unimportant detail", "an"],
    ["university lecturer", "a"],
    ["unicorn", "a"],
    ["union organiser", "a"],
    ["user researcher", "a"],
    ["European diplomat", "a"],
    ["one-eyed cat", "a"],
    ["hour", "an"],
    ["honest man", "an"],
    ["heir", "an"],
    ["horse trainer", "a"],
    ["FBI agent", "an"],
    ["MBA student", "an"],
    ["SEO specialist", "an"],
    ["NASA engineer", "a"],
    ["NATO officer", "a"],
    ["HTML developer", "an"],
    ["ASAP job", "an"],
    ["UX designer", "a"],
    ["URL", "a"],
    ["x-ray technician", "an"],
    ["8-year-old", "an"],
    ["18th-century scholar", "an"],
    ["11-year-old", "an"],
    ["10-year-old", "a"],
    ["Uber driver", "an"],
    ["", "a"],
  ])("%s → %s", (phrase, expected) => {
    expect(indefiniteArticle(phrase)).toBe(expected);
  });

  it("puts the article before the phrase as it is", () => {
    expect(withIndefiniteArticle("Irish dancer")).toBe("an Irish dancer");
    expect(withIndefiniteArticle("university lecturer")).toBe("a university lecturer");
  });
});
