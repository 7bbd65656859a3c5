// Command-line values checked the way file values are: a clear message naming the option.
import { inputError, nearMiss } from '../errors.js';
import { RESOLUTIONS, type Resolution } from '../pricing/vocabulary.js';

export function parseDateOption(value: string, option: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(`${value}T00:00:00Z`) : null;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw inputError(option, `expected a date written YYYY-MM-DD, found "${value}"`);
  }
  return value;
}

export function parseResolutionOption(value: string): Resolution {
  if ((RESOLUTIONS as readonly string[]).includes(value)) return value as Resolution;
  throw inputError('--resolution', `expected one of ${RESOLUTIONS.join(', ')}, found "${value}"`, '', null, null, nearMiss(value, RESOLUTIONS));
}

export function parseCountOption(value: string, option: string, min = 0): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(n) || n < min) throw inputError(option, `expected a number of at least ${min}, found "${value}"`);
  return n;
}
