import { StandpointError } from "../errors.ts";

/**
 * A date a user gives at the precision meant: `2008`, `2008-02` or `2008-02-18`. Anything else,
 * or a day the calendar lacks, is an error naming the option.
 */
export function parseDateOption(value: string, option: string): string {
  const text = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  const valid =
    m &&
    (!m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 12)) &&
    (!m[3] ||
      (Number(m[3]) >= 1 && Number(m[3]) <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate()));
  if (!valid)
    throw new StandpointError("invalid", `not a date: ${value} (use YYYY, YYYY-MM or YYYY-MM-DD)`, option);
  return text;
}

/** The last day a date up to `at` can be: `2008-02` covers February, `2008` the year. */
export function endOfPeriod(at: string): string {
  if (/^\d{4}$/.test(at)) return `${at}-12-31`;
  if (/^\d{4}-\d{2}$/.test(at)) return `${at}-31`;
  return at;
}
