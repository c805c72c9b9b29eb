import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";
import { calledNameInFacts } from "../../../src/application/prompt/calledName.ts";

const texts = (text: string, personName: string) => extractFacts(text, { personName }).map((f) => f.text);

describe("facts speak of the person by the name they introduced", () => {
  it("what follows an introduction in the same message is about the introduced name", () => {
    expect(texts("My name is Robin and I live in Oslo.", "Mobile179")).toEqual([
      "Mobile179 likes to be called Robin",
      "Robin lives in Oslo",
    ]);
  });

  it("without an introduction the account's name is used", () => {
    expect(texts("I live in Oslo.", "Mobile179")).toEqual(["Mobile179 lives in Oslo"]);
  });

  it("the latest remembered name that is not forgotten is the one used later", () => {
    expect(
      calledNameInFacts([
        { text: "Mobile179 likes to be called Rob" },
        { text: "Mobile179 lives in Oslo" },
        { text: "Mobile179 likes to be called Robin" },
        { text: "Mobile179 likes to be called Bobby", forgotten: true },
      ]),
    ).toBe("Robin");
    expect(calledNameInFacts([{ text: "Mobile179 lives in Oslo" }])).toBeNull();
  });
});
