import { oneLine, type StandpointError } from "../errors.ts";

/** An item's result as its JSON line: without its byte count, its error as the one-line message. */
export function jsonLine<T extends { bytes: number; error?: StandpointError }>(result: T): string {
  const { bytes: _bytes, error, ...rest } = result;
  return JSON.stringify(error ? { ...rest, error: error.line() } : rest);
}

/**
 * Prints what ingesting an article came to: with --json its JSON line on stdout, else its error or
 * its warnings on stderr, after `clear` has made room under a progress bar.
 */
export function reportItem(
  result: { where: string; bytes: number } & ({ error: StandpointError } | { warnings: string[] }),
  json: boolean | undefined,
  clear: () => void = () => {},
): void {
  if (json) {
    process.stdout.write(`${jsonLine(result)}\n`);
    return;
  }
  const lines =
    "error" in result
      ? [`standpoint: ${result.error.line()}`]
      : result.warnings.map((w) => `standpoint: warning: ${oneLine(`${result.where}: ${w}`)}`);
  if (!lines.length) return;
  clear();
  for (const line of lines) process.stderr.write(`${line}\n`);
}
