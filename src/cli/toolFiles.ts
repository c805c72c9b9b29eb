import { readFileSync, writeFileSync } from "node:fs";

/** A file a tool was told to read or write, and could not: one line for the operator. */
export class ToolFileError extends Error {}

export function readToolFile(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new ToolFileError(`cannot read ${file}: ${reason(error)}`);
  }
}

export function writeToolFile(file: string, bytes: Uint8Array): void {
  try {
    writeFileSync(file, bytes);
  } catch (error) {
    throw new ToolFileError(`cannot write ${file}: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "there is no such file or folder";
    case "EISDIR":
      return "it is a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
