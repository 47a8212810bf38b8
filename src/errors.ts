/** The codes every boundary (CLI, HTTP, batch item) reports errors with. */
export const ERROR_CODES = {
  usage: "bad command-line usage",
  input: "unreadable or malformed input",
  too_large: "input over the size limit",
  not_found: "no such item",
  store: "store could not be opened or written",
  invalid: "invalid value",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The one error class of standpoint. `where` names the input (a file, `file:line`, a record) so
 * that the one-line message says what failed and why.
 */
export class StandpointError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, where?: string) {
    super(message);
    this.name = "StandpointError";
    this.code = code;
    this.where = where;
  }

  /** One line for stderr: `where: message`. */
  line(): string {
    return oneLine(this.where ? `${this.where}: ${this.message}` : this.message);
  }
}

export function oneLine(text: string): string {
  return printable(text.replace(/\s*\n\s*/g, " ").trim());
}

/**
 * Text safe to print on a terminal: control characters other than tab and line feed (escape
 * sequences that clear the screen or forge links, a carriage return that overwrites a line) become
 * U+FFFD. A title or a file name is someone else's text.
 */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => (c === "\t" || c === "\n" ? c : "\ufffd"));
}

/** Any thrown value as a StandpointError, keeping the code when it already is one. */
export function asStandpointError(error: unknown, code: ErrorCode, where?: string): StandpointError {
  if (error instanceof StandpointError) {
    return error.where || !where ? error : new StandpointError(error.code, error.message, where);
  }
  const message = error instanceof Error ? describeSystemError(error) : String(error);
  return new StandpointError(code, message, where);
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  EMFILE: "too many open files",
  ELOOP: "too many symbolic links",
};

function describeSystemError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && SYSTEM_ERRORS[code]) || error.message;
}
