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
