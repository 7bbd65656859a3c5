// Words the advisories share: vendor names as vendors write them, and counted nouns.

const VENDOR_NAMES: Record<string, string> = {
  openai: 'OpenAI',
  runway: 'Runway',
  kling: 'Kling',
  pika: 'Pika',
  luma: 'Luma',
  fal: 'fal.ai',
  replicate: 'Replicate',
};

/** A vendor's name as it writes it ("fal.ai", "OpenAI"), else the id capitalised. */
export function capital(vendor: string): string {
  return VENDOR_NAMES[vendor] ?? vendor.charAt(0).toUpperCase() + vendor.slice(1);
}

/** "1 clip", "2 clips": n as written. */
export function plural(n: string, word: string): string {
  return `${n} ${word}${n === '1' ? '' : 's'}`;
}

/**
 * A template's text as one flat string: `` flat`${name} on ${offering}` ``. A report of many
 * workloads holds thousands of these sentences; one built by a plain template or + is kept as a tree
 * of its pieces, which the garbage collector copies piece by piece, while join() writes the
 * characters once into a single string.
 */
export function flat(strings: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  const pieces = new Array<string | number>(strings.length + values.length);
  for (let i = 0; i < values.length; i++) {
    pieces[2 * i] = strings[i]!;
    pieces[2 * i + 1] = values[i]!;
  }
  pieces[pieces.length - 1] = strings[values.length]!;
  return pieces.join('');
}
