import { type CharTest, isWordChar } from "./patternChars.ts";
import { parsePattern } from "./patternParser.ts";
import { type Node, PatternError, type PatternFlags } from "./patternTree.ts";

/**
 * Regular expressions for lorebook keys, run in time linear in the text (a Pike VM: every
 * alternative advances together, one character at a time), so no pattern from an untrusted card
 * can hang a reply; memory is the size of the program. Only `test` is offered: a key either
 * appears or does not.
 */

type Instruction =
  | { op: "char"; test: CharTest; next: number }
  | { op: "split"; a: number; b: number }
  | { op: "jump"; to: number }
  | { op: "assert"; what: "start" | "end" | "wordBoundary" | "notWordBoundary"; next: number }
  | { op: "match" };

export interface PatternRun {
  matched: boolean;
  /** False when the run stopped at its step limit before deciding. */
  finished: boolean;
  steps: number;
}

/** Instructions a pattern may compile to; counted repetitions are copied out, so this bounds them. */
export const MAX_PROGRAM = 4_000;

/**
 * Pattern nodes compiling may visit. A repeated group that compiles to nothing (`(?:){9999999999}`,
 * nested to multiply) never reaches `MAX_PROGRAM`, yet each copy is still a visit: without this
 * bound such a key would keep the process compiling for hours.
 */
const MAX_VISITS = 25 * MAX_PROGRAM;

export class LinearPattern {
  readonly #program: Instruction[];
  readonly #multiline: boolean;

  constructor(source: string, flags: PatternFlags) {
    const program: Instruction[] = [];
    const end = emit(parsePattern(source, flags), program, { left: MAX_VISITS });
    program[end] = { op: "match" };
    this.#program = program;
    this.#multiline = flags.multiline;
  }

  /** Instructions the pattern compiled to. */
  get size(): number {
    return this.#program.length;
  }

  /** Whether the pattern matches anywhere in `text` (code points). */
  test(text: readonly number[]): boolean {
    return this.run(text, Number.POSITIVE_INFINITY).matched;
  }

  /**
   * Like `test`, counting the instructions visited; past `maxSteps` it stops, unfinished and
   * unmatched. Steps grow with the text times the threads alive, which a pattern can make its size.
   */
  run(text: readonly number[], maxSteps: number): PatternRun {
    const program = this.#program;
    const marks = new Int32Array(program.length).fill(-1);
    let current: number[] = [];
    let next: number[] = [];
    const stack: number[] = [];
    let steps = 0;
    const add = (list: number[], pc: number, at: number, generation: number): boolean => {
      stack.push(pc);
      while (stack.length > 0) {
        const p = stack.pop()!;
        if (marks[p] === generation) continue;
        marks[p] = generation;
        steps++;
        const instruction = program[p]!;
        switch (instruction.op) {
          case "match":
            stack.length = 0;
            return true;
          case "jump":
            stack.push(instruction.to);
            break;
          case "split":
            stack.push(instruction.b, instruction.a);
            break;
          case "assert":
            if (this.#holds(instruction.what, text, at)) stack.push(instruction.next);
            break;
          case "char":
            list.push(p);
            break;
        }
      }
      return false;
    };
    for (let at = 0; ; at++) {
      if (add(current, 0, at, at)) return { matched: true, finished: true, steps };
      if (at >= text.length) return { matched: false, finished: true, steps };
      if (steps > maxSteps) return { matched: false, finished: false, steps };
      const c = text[at]!;
      next.length = 0;
      steps += current.length;
      for (const pc of current) {
        const instruction = program[pc] as Extract<Instruction, { op: "char" }>;
        if (instruction.test(c) && add(next, instruction.next, at + 1, at + 1))
          return { matched: true, finished: true, steps };
      }
      [current, next] = [next, current];
    }
  }

  #holds(what: Extract<Instruction, { op: "assert" }>["what"], text: readonly number[], at: number): boolean {
    const lineEnd = (c: number | undefined) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
    switch (what) {
      case "start":
        return at === 0 || (this.#multiline && lineEnd(text[at - 1]));
      case "end":
        return at === text.length || (this.#multiline && lineEnd(text[at]));
      case "wordBoundary":
      case "notWordBoundary": {
        const before = at > 0 && isWordChar(text[at - 1]!);
        const after = at < text.length && isWordChar(text[at]!);
        return (before !== after) === (what === "wordBoundary");
      }
    }
  }
}

/** Emits `node` at the end of `program`; returns the index its continuation goes to. */
function emit(node: Node, program: Instruction[], visits: { left: number }): number {
  if (--visits.left < 0) throw new PatternError("pattern too large");
  const push = (instruction: Instruction) => {
    if (program.length >= MAX_PROGRAM) throw new PatternError("pattern too large");
    program.push(instruction);
    return program.length - 1;
  };
  switch (node.kind) {
    case "char": {
      const pc = push({ op: "char", test: node.test, next: -1 });
      (program[pc] as { next: number }).next = pc + 1;
      return pc + 1;
    }
    case "assert": {
      const pc = push({ op: "assert", what: node.what, next: -1 });
      (program[pc] as { next: number }).next = pc + 1;
      return pc + 1;
    }
    case "seq":
      for (const item of node.items) emit(item, program, visits);
      return program.length;
    case "alt": {
      const jumps: number[] = [];
      node.options.forEach((option, i) => {
        if (i < node.options.length - 1) {
          const split = push({ op: "split", a: -1, b: -1 });
          (program[split] as { a: number }).a = split + 1;
          emit(option, program, visits);
          jumps.push(push({ op: "jump", to: -1 }));
          (program[split] as { b: number }).b = program.length;
        } else emit(option, program, visits);
      });
      for (const j of jumps) (program[j] as { to: number }).to = program.length;
      return program.length;
    }
    case "repeat": {
      for (let i = 0; i < node.min; i++) emit(node.node, program, visits);
      if (node.max === Number.POSITIVE_INFINITY) {
        const split = push({ op: "split", a: -1, b: -1 });
        emit(node.node, program, visits);
        push({ op: "jump", to: split });
        Object.assign(program[split]!, { a: split + 1, b: program.length });
        return program.length;
      }
      const splits: number[] = [];
      for (let i = node.min; i < node.max; i++) {
        const split = push({ op: "split", a: -1, b: -1 });
        (program[split] as { a: number }).a = split + 1;
        splits.push(split);
        emit(node.node, program, visits);
      }
      for (const split of splits) (program[split] as { b: number }).b = program.length;
      return program.length;
    }
  }
}
