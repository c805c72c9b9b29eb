import type { CharTest } from "./patternChars.ts";

/** A lorebook key's pattern as parsed: what the linear-time matcher compiles. */
export type Node =
  | { kind: "char"; test: CharTest }
  | { kind: "assert"; what: "start" | "end" | "wordBoundary" | "notWordBoundary" }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; node: Node; min: number; max: number };

export interface PatternFlags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

export class PatternError extends Error {}
