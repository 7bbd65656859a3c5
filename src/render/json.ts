import { escapeInvisibleInJson } from './safe-text.js';

export function renderJson(value: unknown): string {
  // JSON.stringify escapes C0 controls; direction and invisible characters get the same treatment
  return `${escapeInvisibleInJson(JSON.stringify(value, null, 2))}\n`;
}
