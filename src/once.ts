/**
 * A value made on its first use and kept. The zod schemas are built this way, so that a run that
 * never needs one never loads zod: the CLI's start-up snapshot then holds no zod at all (a quarter of
 * its start-up cost; see scripts/build.mjs).
 */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
