import type { ExecutionArgs, GraphQLInputType } from "graphql";
import { graphqlRuntime } from "./graphqlRuntime.ts";

const { getNamedType, getOperationAST, isInputObjectType, isListType, isNonNullType, typeFromAST } =
  graphqlRuntime;

/**
 * A multipart request may place a file at any variable path; one placed where the schema wants
 * text or an id would reach graphql's own coercion, whose message prints the upload object's
 * internals. Names the first such place, so the answer says what went wrong instead.
 */
export function misplacedUpload(args: ExecutionArgs): string | null {
  const variables = args.variableValues;
  if (!variables) return null;
  const operation = getOperationAST(args.document, args.operationName ?? undefined);
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(args.schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const found = uploadOutsideFile(variables[name], type, `variables.${name}`);
    if (found) return found;
  }
  return null;
}

function uploadOutsideFile(value: unknown, type: GraphQLInputType, where: string): string | null {
  if (value === null || typeof value !== "object") return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [index, item] of items.entries()) {
      const found = uploadOutsideFile(item, inner.ofType, `${where}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (!isUpload(value)) {
    if (!isInputObjectType(inner)) return null;
    const fields = inner.getFields();
    for (const [key, item] of Object.entries(value)) {
      const field = fields[key];
      const found = field ? uploadOutsideFile(item, field.type, `${where}.${key}`) : null;
      if (found) return found;
    }
    return null;
  }
  const expected = getNamedType(inner).name;
  return expected === "File"
    ? null
    : `Check the upload: ${where} takes ${article(expected)} ${expected}, not a file; map files only to File arguments.`;
}

/** Arrays and plain objects are JSON; anything else in variables is a File the multipart request placed. */
function isUpload(value: object): boolean {
  if (Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}

const article = (name: string) => (/^[AEIOU]/.test(name) ? "an" : "a");
