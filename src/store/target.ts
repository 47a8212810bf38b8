/** Where a store is: what `--db` and STANDPOINT_DB name, read without opening anything. */

export const DEFAULT_STORE = "./standpoint.db";

/** `--db` wins, then STANDPOINT_DB, then ./standpoint.db. */
export function storeTarget(option: string | undefined): string {
  return option || process.env.STANDPOINT_DB || DEFAULT_STORE;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
