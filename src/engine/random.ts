// Seeded pseudo-random numbers for `vidcost forecast`: xoshiro128** (Blackman and Vigna), seeded
// through splitmix32 from the user's seed and the name of the input it feeds. Each uncertain input
// has its own stream, so adding a workload never changes the draws of another, and a forecast is
// reproducible for a given seed. Draws are floats; the forecast turns each into an exact decimal
// with a fixed number of places before any money arithmetic.

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of an input's name. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: spreads a 32-bit seed over the generator's state. */
function splitmix32(state: { a: number }): number {
  state.a = (state.a + 0x9e3779b9) | 0;
  let t = state.a ^ (state.a >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  /** `seed` is a non-negative integer up to 2^53; `stream` names the input the numbers feed. */
  constructor(seed: number, stream: string) {
    const lo = seed % TWO_POW_32;
    const hi = Math.floor(seed / TWO_POW_32);
    const mix = { a: (lo ^ Math.imul(hi, 0x85ebca6b) ^ hash32(stream)) | 0 };
    // warm the mixer with the stream name once more, so seeds 1 and 2 of one stream are far apart
    mix.a = (mix.a ^ Math.imul(hash32(`${stream}#${seed}`), 0xc2b2ae35)) | 0;
    this.s0 = splitmix32(mix);
    this.s1 = splitmix32(mix);
    this.s2 = splitmix32(mix);
    this.s3 = splitmix32(mix);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / TWO_POW_53;
  }

  /** Uniform on (0, 1) with 32 random bits, never 0 or 1 (safe under log): enough for draws kept to a few places. */
  uniform32(): number {
    return (this.nextUint32() + 0.5) * 2.3283064365386963e-10;
  }

  /** Uniform integer in [0, n) for n up to 2^32 (rejection keeps it unbiased). */
  integerBelow(n: number): number {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** Standard normal, Box–Muller (one spare kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = 1 - this.uniform(); // (0, 1]
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Inverse CDF of the triangular distribution on [low, high] with mode `mode`, at u in [0, 1). */
export function triangularQuantile(u: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (width <= 0) return low;
  const split = (mode - low) / width;
  return u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
}

/**
 * Beta(a, b) for a, b >= 1 (the PERT range), sampled exactly by rejection. The density
 * x^(a-1) (1-x)^(b-1) is unimodal there, so on each of STRIPS equal strips of [0, 1] its largest and
 * smallest values sit at the strip's ends (or at the mode): a strip is picked in proportion to its
 * largest value (Walker's alias method), a point drawn under that ceiling, and accepted at once
 * below the strip's floor; only the rare point between floor and ceiling needs the density itself.
 */
export class BetaSampler {
  private readonly ceil = new Float64Array(STRIPS);
  private readonly floor = new Float64Array(STRIPS);
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(
    readonly a: number,
    readonly b: number,
  ) {
    const mode = a + b > 2 ? (a - 1) / (a + b - 2) : 0.5;
    for (let i = 0; i < STRIPS; i++) {
      const x0 = i / STRIPS;
      const x1 = (i + 1) / STRIPS;
      const f0 = this.density(x0);
      const f1 = this.density(x1);
      const top = mode > x0 && mode < x1 ? this.density(mode) : Math.max(f0, f1);
      // a hair of headroom over float rounding keeps the ceiling a true upper bound
      this.ceil[i] = top * (1 + 1e-9) + Number.MIN_VALUE;
      this.floor[i] = Math.min(f0, f1) * (1 - 1e-9);
    }
    ({ prob: this.prob, alias: this.alias } = aliasTable(this.ceil));
  }

  density(x: number): number {
    return x ** (this.a - 1) * (1 - x) ** (this.b - 1);
  }

  next(rng: Xoshiro128): number {
    const { ceil, floor, prob, alias } = this;
    for (;;) {
      // one random word gives the strip (high bits) and the place within it (low bits)
      const word = rng.nextUint32();
      const k = word >>> STRIP_SHIFT;
      const within = ((word & STRIP_MASK) + 0.5) / (STRIP_MASK + 1);
      const i = rng.uniform32() < prob[k]! ? k : alias[k]!;
      const x = (i + within) / STRIPS;
      const y = rng.uniform32() * ceil[i]!;
      if (y <= floor[i]! || y <= this.density(x)) return x;
    }
  }
}

const STRIP_SHIFT = 23;
const STRIPS = 2 ** (32 - STRIP_SHIFT); // 512
const STRIP_MASK = 2 ** STRIP_SHIFT - 1;

/** Walker's alias table (Vose's construction) for picking index i with probability ∝ weights[i]. */
function aliasTable(weights: Float64Array): { prob: Float64Array; alias: Int32Array } {
  const n = weights.length;
  const total = weights.reduce((s, w) => s + w, 0);
  const scaledW = Float64Array.from(weights, (w) => (w * n) / total);
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  scaledW.forEach((w, i) => (w < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaledW[s]!;
    alias[s] = l;
    scaledW[l] = scaledW[l]! + scaledW[s]! - 1;
    (scaledW[l]! < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) {
    prob[i] = 1;
    alias[i] = i;
  }
  return { prob, alias };
}

/** PERT shape parameters: a Beta on [low, high] with mean (low + 4 likely + high) / 6. */
export function pertShape(low: number, likely: number, high: number): { a: number; b: number } {
  const width = high - low;
  if (width <= 0) return { a: 1, b: 1 };
  return { a: 1 + (4 * (likely - low)) / width, b: 1 + (4 * (high - likely)) / width };
}

/** Where draws go: values on [low, high], stored as round(value × scale) clamped to [lowN, highN]. */
export interface DrawColumn {
  low: number;
  likely: number;
  high: number;
  scale: number;
  lowN: number;
  highN: number;
}

/** Fills `out` with draws of a three-point estimate (PERT or triangular), each kept as a whole number of 1/scale. */
export function fillThreePoint(rng: Xoshiro128, shape: 'pert' | 'triangular', c: DrawColumn, out: Float64Array): void {
  const { low, likely, high, scale, lowN, highN } = c;
  const width = high - low;
  const n = out.length;
  if (width <= 0) {
    out.fill(lowN);
    return;
  }
  if (shape === 'triangular') {
    for (let t = 0; t < n; t++) {
      const x = Math.round(triangularQuantile(rng.uniform32(), low, likely, high) * scale);
      out[t] = x < lowN ? lowN : x > highN ? highN : x;
    }
    return;
  }
  const { a, b } = pertShape(low, likely, high);
  const beta = new BetaSampler(a, b);
  for (let t = 0; t < n; t++) {
    const x = Math.round((low + width * beta.next(rng)) * scale);
    out[t] = x < lowN ? lowN : x > highN ? highN : x;
  }
}
