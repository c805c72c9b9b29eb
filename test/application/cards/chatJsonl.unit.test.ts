import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { readChatJsonl, writeChatJsonl } from "../../../src/application/cards/chatJsonl.ts";
import {
  formatHumanizedDate,
  formatSendDate,
  parseSillyTavernDate,
} from "../../../src/application/cards/sillyTavernDates.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { fixtureBytes } from "../../fixtures/cards/build.ts";

const reason = (text: string | Uint8Array) => {
  try {
    readChatJsonl(typeof text === "string" ? strToU8(text) : text);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    return (error as DomainError).reason;
  }
  return "accepted";
};

describe("SillyTavern dates", () => {
  it.each([
    ["2024-9-28 @01h 02m 36s 123ms", "2024-09-28T01:02:36.123Z"],
    ["2024-7-12@01h31m37s", "2024-07-12T01:31:37.000Z"],
    ["September 28, 2024 1:02am", "2024-09-28T01:02:00.000Z"],
    ["June 19, 2023 12:20pm", "2023-06-19T12:20:00.000Z"],
    ["June 19, 2023 12:20am", "2023-06-19T00:20:00.000Z"],
    ["2024-09-28T01:06:10.500Z", "2024-09-28T01:06:10.500Z"],
    ["2024-09-28T03:06:10+02:00", "2024-09-28T01:06:10.000Z"],
    ["2024-09-28T01:06", "2024-09-28T01:06:00.000Z"],
    [1727485620000, "2024-09-28T01:07:00.000Z"],
    ["1727485620000", "2024-09-28T01:07:00.000Z"],
    [1727485620, "2024-09-28T01:07:00.000Z"],
  ])("%s", (value, expected) => {
    expect(parseSillyTavernDate(value)).toBe(expected);
  });

  it.each(["", "yesterday", "Smarch 3, 2024 1:00pm", "2024-2-30 @01h 02m 03s 000ms", null, -5])(
    "is null for %s",
    (value) => {
      expect(parseSillyTavernDate(value)).toBeNull();
    },
  );

  it("writes the humanized form it reads", () => {
    const instant = "2024-06-05T14:56:50.682Z";
    expect(formatHumanizedDate(instant)).toBe("2024-6-5 @14h 56m 50s 682ms");
    expect(parseSillyTavernDate(formatHumanizedDate(instant))).toBe(instant);
  });

  it.each([
    ["2026-12-04T03:18:41.000Z", "December 4, 2026 3:18am"],
    ["2026-12-04T00:05:00.000Z", "December 4, 2026 12:05am"],
    ["2026-12-04T12:00:00.000Z", "December 4, 2026 12:00pm"],
    ["2024-06-19T23:59:00.000Z", "June 19, 2024 11:59pm"],
  ])("writes a message's send_date %s as SillyTavern does: %s", (instant, written) => {
    expect(formatSendDate(instant)).toBe(written);
    expect(parseSillyTavernDate(written)).toBe(instant.replace(/:\d\d\.000Z$/, ":00.000Z"));
  });
});

describe("chat JSONL", () => {
  it("reads the header, messages, swipes and dates", () => {
    const chat = readChatJsonl(fixtureBytes("chat.jsonl"));
    expect(chat).toMatchObject({
      userName: "Sam",
      characterName: "Mira Voss",
      createdAt: "2024-09-28T01:02:36.123Z",
    });
    expect(chat.metadata).toEqual({ note_prompt: "", note_interval: 1 });
    expect(chat.messages.map((m) => [m.name, m.isUser, m.sentAt, m.swipes.length, m.swipeIndex])).toEqual([
      ["Mira Voss", false, "2024-09-28T01:02:00.000Z", 2, 0],
      ["Sam", true, "2024-09-28T01:05:00.000Z", 1, 0],
      ["Mira Voss", false, "2024-09-28T01:06:10.500Z", 2, 1],
      ["Sam", true, "2024-09-28T01:07:00.000Z", 1, 0],
    ]);
    expect(chat.messages[0]!.sentAtText).toBe("September 28, 2024 1:02am");
    expect(chat.messages[2]!.otherFields).toMatchObject({
      extra: { api: "openai" },
      gen_started: "2024-09-28T01:06:02.000Z",
    });
  });

  it("writes what it reads: read(write(chat)) is the chat", () => {
    const chat = readChatJsonl(fixtureBytes("chat.jsonl"));
    const written = writeChatJsonl(chat);
    const lines = written
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      user_name: "Sam",
      character_name: "Mira Voss",
      create_date: "2024-9-28 @01h 02m 36s 123ms",
    });
    expect(lines[1]).toMatchObject({
      name: "Mira Voss",
      is_user: false,
      send_date: "September 28, 2024 1:02am",
      swipe_id: 0,
    });
    const again = readChatJsonl(strToU8(written));
    // SillyTavern's send_date form counts minutes, so seconds do not travel.
    const toMinute = (instant: string | null) => instant?.replace(/:\d\d\.\d{3}Z$/, ":00.000Z") ?? null;
    expect(again.messages.map(({ sentAtText: _, ...m }) => m)).toEqual(
      chat.messages.map(({ sentAtText: _, sentAt, ...m }) => ({ ...m, sentAt: toMinute(sentAt) })),
    );
    expect(again.createdAt).toBe(chat.createdAt);
  });

  it("tolerates a missing header, blank lines, CRLF, a BOM and a swipe_id that disagrees with mes", () => {
    const chat = readChatJsonl(
      strToU8(
        '\uFEFF{"name":"A","is_user":false,"mes":"chosen","swipes":["x","y"],"swipe_id":0}\r\n\r\n{"mes":"hi","is_user":true}\r\n',
      ),
    );
    expect(chat.userName).toBe("User");
    expect(chat.messages[0]).toMatchObject({ text: "chosen", swipes: ["x", "y", "chosen"], swipeIndex: 2 });
    expect(chat.messages[1]).toMatchObject({ name: "User", isUser: true, sentAt: null });
  });

  it("refuses broken files with the line that is wrong", () => {
    expect(reason("")).toBe("ChatInvalid");
    expect(reason('{"user_name":"a"}\n{"name":"b"}')).toBe("ChatInvalid");
    expect(reason('{"user_name":"a"}\nnot json')).toBe("ChatInvalid");
    expect(reason('{"user_name":"a"}\n[1]')).toBe("ChatInvalid");
    expect(reason('{"hello":"world"}')).toBe("ChatInvalid");
    expect(reason(Uint8Array.of(0xff, 0xff))).toBe("TextNotUtf8");
    expect(reason(new Uint8Array(20 * 1024 * 1024 + 1))).toBe("ChatTooLarge");
    const many = ['{"user_name":"a"}', ...Array.from({ length: 20_001 }, () => '{"mes":"x"}')].join("\n");
    expect(reason(many)).toBe("ChatTooLarge");
    const swiped = JSON.stringify({ mes: "a", swipes: Array.from({ length: 100 }, (_, i) => `${i}`) });
    const swipes = ['{"user_name":"a"}', ...Array.from({ length: 401 }, () => swiped)].join("\n");
    expect(reason(swipes)).toBe("ChatTooLarge");
  });
});
