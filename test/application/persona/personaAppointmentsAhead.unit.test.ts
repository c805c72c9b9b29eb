import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const celebrated = /celebrat|wonderful news|congrat|big news|so happy for you|exciting/i;

describe("an appointment or a trial told with a time of day", () => {
  it("a job interview that is coming up is wished luck, not celebrated", async () => {
    const [interview] = await askAgent(["just got a job interview at 2pm"]);
    expect(interview).not.toMatch(celebrated);
    expect(interview).toMatch(/luck|fingers crossed/i);
    expect(interview).toMatch(/your job interview/);
  });

  it("an audition at a bare hour is met as something ahead, without the words said back", async () => {
    const [audition] = await askAgent(["I have an audition at 10"]);
    expect(audition).not.toMatch(celebrated);
    expect(audition).not.toMatch(/hear more about an|Wait, an/);
    expect(audition).toMatch(/luck|fingers crossed/i);
    expect(audition).toMatch(/feel|ready/i);
  });

  it("a court hearing or a scan is hoped to go well and asked after", async () => {
    const replies = await askAgent(["court hearing at half past nine", "mri scan at 4:15 today"]);
    for (const reply of replies) {
      expect(reply).not.toMatch(celebrated);
      expect(reply).toMatch(/goes (?:smoothly|well)|luck|fingers crossed/i);
    }
  });

  it("an appointment told with 'my' is met as one, not echoed back as a question", async () => {
    const [vet] = await askAgent(["my vet's appointment is at 5:45"]);
    expect(vet).not.toMatch(/Wait, your|hear more about/);
    expect(vet).toMatch(/goes (?:smoothly|well)/);
  });

  it("nerves told with the appointment itself are met with encouragement", async () => {
    const [nerves] = await askAgent(["blood test at 8 tomorrow, bit anxious"]);
    expect(nerves).not.toMatch(/What happened\?/);
    expect(nerves).toMatch(/got this|do great|prepare|nerves/i);
  });

  it("an appointment told bare is remembered and recalled by its time of day", async () => {
    const replies = await askAgent([
      "optician appointment at 4",
      "what have I got on this afternoon?",
      "remind me what I have at 4?",
    ]);
    expect(replies[1]).toMatch(/optician appointment at 4/);
    expect(replies[2]).toMatch(/optician appointment at 4/);
  });

  it("a journey at a time is wished safe travels, with a practical word and a question", async () => {
    for (const told of ["my coach leaves at 5:50", "ferry to Calais at quarter to seven"]) {
      const [reply] = await askAgent([told]);
      expect(reply).not.toMatch(/Wait, your|hear more about|exciting|big news/i);
      expect(reply).toMatch(/safe|journey/i);
      expect(reply).toMatch(/\?/);
    }
  });

  it("an appointment with whom they see is met and remembered as one", async () => {
    const replies = await askAgent(["chiropractor at 4:30", "what have I got on this afternoon?"]);
    expect(replies[0]).toMatch(/your chiropractor appointment goes (?:smoothly|well)/);
    expect(replies[1]).toMatch(/chiropractor appointment at 4:30/);
  });
});
