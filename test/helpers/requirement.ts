/**
 * Whether something a group of tests needs (PostgreSQL, Chromium, ../shared) is here. Away from CI
 * a missing one is a warning and those tests are skipped; under CI (`CI` set) it fails the run, so
 * that a green CI always means every test ran.
 */
export function requirement(what: string, problem: string | undefined, skipped: string): boolean {
  if (!problem) return true;
  const message = `${what}: ${problem}`;
  if (process.env.CI && process.env.CI !== "false") throw new Error(`${message} (CI runs every test)`);
  console.warn(`${message}: ${skipped} are skipped`);
  return false;
}
