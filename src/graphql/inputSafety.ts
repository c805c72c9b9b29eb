import type { DocumentNode, ExecutionArgs } from "graphql";
import type { Plugin } from "graphql-yoga";
import { textProblem } from "../domain/shared/text.ts";
import { badInput } from "./errors.ts";
import { graphqlRuntime } from "./graphqlRuntime.ts";
import { misplacedUpload } from "./uploadPlacement.ts";

/** Deeper than any real document (the schema's own depth limit is far lower); parsing recurses per level. */
export { textProblem };

export const MAX_DOCUMENT_NESTING = 64;

/**
 * Refuses, before anything runs, what no field can store: a document nested deeper than the parser
 * can safely recurse, and text holding NUL characters or unpaired UTF-16 surrogates (PostgreSQL
 * refuses both), wherever they appear: string literals, variables, or keys of input objects; and
 * an upload placed where the schema takes no File.
 */
export function inputSafetyPlugin(): Plugin {
  const check = (args: ExecutionArgs, stop: (result: { errors: ReturnType<typeof badInput>[] }) => void) => {
    const variables = args.variableValues ?? {};
    const deep = tooDeep(variables);
    // Variables too deep to walk make the request malformed: a 400 for legacy JSON clients too.
    if (deep) return stop({ errors: [badInput(deep, { http: { status: 400 } })] });
    const problem =
      unsafeLiteral(args.document) ?? unsafeValue(variables, "variables") ?? misplacedUpload(args);
    if (problem) stop({ errors: [badInput(problem, { http: { status: 400, spec: true } })] });
  };
  return {
    onParse: ({ params }) => {
      const depth = nestingDepth(typeof params.source === "string" ? params.source : params.source.body);
      if (depth > MAX_DOCUMENT_NESTING)
        throw badInput(
          `The document nests ${depth} levels deep; at most ${MAX_DOCUMENT_NESTING} are accepted.`,
          { http: { status: 400, spec: true } },
        );
    },
    onExecute: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
    onSubscribe: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
  };
}

/**
 * Variables nested deeper than a document may be (walked without recursion, so no depth can
 * overflow the stack); checked before anything else walks them.
 */
export function tooDeep(variables: unknown): string | null {
  const stack: [unknown, number][] = [[variables, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object" || !isJsonContainer(value)) continue;
    if (depth > MAX_DOCUMENT_NESTING)
      return `Check the input: the variables nest deeper than ${MAX_DOCUMENT_NESTING} levels; at most ${MAX_DOCUMENT_NESTING} are accepted.`;
    for (const item of Object.values(value)) stack.push([item, depth + 1]);
  }
  return null;
}

export function unsafeValue(value: unknown, where: string): string | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? `Check the input: ${where} ${problem}; send plain text.` : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = unsafeValue(item, `${where}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    if (!isJsonContainer(value)) return uploadProblem(value, where);
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key)
        ? `Check the input: a field name in ${where} ${textProblem(key)}.`
        : unsafeValue(item, `${where}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}

/**
 * Arrays and plain objects, which is all JSON variables hold. Anything else is an upload placed
 * there by the multipart request: a File whose own fields hold its bytes, megabytes of them, one
 * entry each to a walk, which its reader checks instead.
 */
function isJsonContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An upload's own text fields (its name, its type), which resolvers read as they are. */
function uploadProblem(upload: object, where: string): string | null {
  for (const [key, item] of Object.entries(upload)) {
    const problem = typeof item === "string" ? textProblem(item) : null;
    if (problem) return `Check the input: ${where}.${key} ${problem}; send plain text.`;
  }
  return null;
}

function unsafeLiteral(document: DocumentNode): string | null {
  let problem: string | null = null;
  graphqlRuntime.visit(document, {
    StringValue(node) {
      const found = textProblem(node.value);
      if (found) {
        problem = `Check the input: a string in the document ${found}; send plain text.`;
        return graphqlRuntime.BREAK;
      }
      return undefined;
    },
  });
  return problem;
}

/** How deeply brackets and braces nest in a document, outside strings and comments. */
export function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "#") {
      while (i < source.length && source[i] !== "\n" && source[i] !== "\r") i++;
    } else if (c === '"') {
      const block = source.startsWith('"""', i);
      const end = block ? source.indexOf('"""', i + 3) : stringEnd(source, i + 1);
      if (end < 0) return deepest;
      i = block ? end + 2 : end;
    } else if (c === "{" || c === "[" || c === "(") {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === "}" || c === "]" || c === ")") depth = Math.max(0, depth - 1);
  }
  return deepest;
}

function stringEnd(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === '"' || source[i] === "\n") return i;
  }
  return -1;
}
