import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { schemaFile } from "../../client/scripts/generateIntrospection.ts";
import { DECLINE_WORDS, declineWords } from "../../client/src/chat/declineReasons.ts";
import { gateImageRequest } from "../../src/application/imageRequests/imageGating.ts";
import { ImageDeclineReasonSchema } from "../../src/domain/conversation/events.ts";

const upperSnake = (value: string) => value.toUpperCase();

describe("image decline reasons: one list for server and client", () => {
  it("has the domain's reasons as the schema's ImageDeclineReason enum", () => {
    const schema = buildSchema(readFileSync(schemaFile, "utf8"));
    const values = (schema.getType("ImageDeclineReason") as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values.sort()).toEqual(ImageDeclineReasonSchema.options.map(upperSnake).sort());
  });

  it("puts every reason the server can send into words in the client, and no others", () => {
    expect(Object.keys(DECLINE_WORDS).sort()).toEqual(
      ImageDeclineReasonSchema.options.map(upperSnake).sort(),
    );
    for (const words of Object.values(DECLINE_WORDS)) expect(words.text).toMatch(/^[a-z]/);
  });

  it("tells a new person that pictures come once they are closer", () => {
    expect(declineWords("NOT_COMFORTABLE").hint).toMatch(/closer/);
    expect(declineWords("something new")).toEqual({ text: "did not send a picture", hint: null });
  });

  it("lets a friendly new person have a picture after a few messages", () => {
    const now = new Date("2025-05-02T18:00:00Z");
    const ask = (personMessages: number) =>
      gateImageRequest({ now, affinity: 1, personMessages, availability: "free", grantedAt: [] }).granted;
    expect(ask(1)).toBe(false);
    expect(ask(4)).toBe(true);
  });
});
