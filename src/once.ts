/**
 * A value made on its first use and kept. The zod schemas are built this way, so that a run that
 * needs none of them (rates, diff of the bundled sheets) does not pay for building them.
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
