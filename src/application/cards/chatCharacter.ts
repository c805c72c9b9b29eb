import type { ChatTranscript } from "./chatJsonl.ts";

/**
 * Who the chat was written with: the header's `character_name`, else the name on the first of the
 * character's own lines; empty when the file does not say (no header, only default names).
 */
export function chatCharacterOf(transcript: ChatTranscript): string {
  if (transcript.characterName.trim() !== "") return transcript.characterName.trim();
  const line = transcript.messages.find((m) => !m.isUser && !m.isSystem && m.name !== "Character");
  return line?.name.trim() ?? "";
}

/**
 * A warning when the chat was written with a character other than the agent it goes into. The
 * same name, or one the other begins with word for word ("Mira" and "Mira Voss"), counts as the
 * same character.
 */
export function otherCharacterWarning(transcript: ChatTranscript, agentName: string): string[] {
  const character = chatCharacterOf(transcript);
  if (character === "" || sameCharacter(character, agentName)) return [];
  return [
    `This chat was written with ${character}, not ${agentName}; it was imported into your conversation with ${agentName} all the same.`,
  ];
}

function sameCharacter(a: string, b: string): boolean {
  const [shorter, longer] = [wordsOf(a), wordsOf(b)].sort((x, y) => x.length - y.length) as [
    string[],
    string[],
  ];
  return shorter.length > 0 && shorter.every((word, index) => longer[index] === word);
}

function wordsOf(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}
