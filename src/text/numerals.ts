import { KANJI_DIGITS, LARGE_UNITS, SMALL_UNITS } from '../data/numerals.js';

/**
 * Exact Japanese numerals: Arabic, kanji (positional 二〇二五 or with multipliers 四十九兆九千五百九十二億),
 * and mixed (1億3000万, 14万2000, 8.5万, 3千万). Values never pass through binary floating point:
 * a number is a BigInt scaled by a power of ten.
 */
export interface ExactDecimal {
  /** value = units / 10^scale */
  units: bigint;
  scale: number;
}

const TEN = 10n;

function pow10(exponent: number): bigint {
  return TEN ** BigInt(exponent);
}

function add(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * pow10(scale - a.scale) + b.units * pow10(scale - b.scale), scale };
}

function times(a: ExactDecimal, factorExponent: number): ExactDecimal {
  // Multiply by 10^k: reduce the scale first, then shift the integer.
  if (a.scale >= factorExponent) return { units: a.units, scale: a.scale - factorExponent };
  return { units: a.units * pow10(factorExponent - a.scale), scale: 0 };
}

function timesInt(a: ExactDecimal, factor: number): ExactDecimal {
  return { units: a.units * BigInt(factor), scale: a.scale };
}

const ZERO: ExactDecimal = { units: 0n, scale: 0 };
const ONE: ExactDecimal = { units: 1n, scale: 0 };

/** A run of digits: Arabic with an optional decimal part, or kanji digits read positionally (二〇二五 = 2025). */
function parseDigitRun(run: string): ExactDecimal | null {
  if (/^\d+(\.\d+)?$/.test(run)) {
    const [whole, fraction = ''] = run.split('.');
    return { units: BigInt(whole! + fraction), scale: fraction.length };
  }
  let units = 0n;
  for (const ch of run) {
    const digit = KANJI_DIGITS[ch] ?? (ch >= '0' && ch <= '9' ? Number(ch) : undefined);
    if (digit === undefined) return null;
    units = units * TEN + BigInt(digit);
  }
  return { units, scale: 0 };
}

/** A section below 万: digit runs and 十百千 (三千五百, 3千, 二十, 1500). */
function parseSection(section: string): ExactDecimal | null {
  if (section === '') return null;
  let total = ZERO;
  let pending: ExactDecimal | null = null;
  let run = '';
  let lastSmallUnit = Infinity;
  const flushRun = (): boolean => {
    if (run === '') return true;
    pending = parseDigitRun(run);
    run = '';
    return pending !== null;
  };
  for (const ch of section) {
    const unit = SMALL_UNITS[ch];
    if (unit !== undefined) {
      if (!flushRun()) return null;
      if (unit >= lastSmallUnit) return null; // 百千 is not a numeral
      lastSmallUnit = unit;
      total = add(total, timesInt(pending ?? ONE, unit));
      pending = null;
    } else {
      run += ch;
    }
  }
  if (!flushRun()) return null;
  if (pending !== null) total = add(total, pending);
  return total;
}

/**
 * Parses a whole numeral string; null when it is not one.
 * Two large units in a row multiply when the second is the larger (`1万億` = 1兆, the Chinese-style
 * compound); any other order (`億万`, `1億万`) is rejected.
 */
export function parseJapaneseNumber(input: string): ExactDecimal | null {
  const text = input.replace(/,/g, '');
  if (text === '') return null;
  let total = ZERO;
  let section = '';
  let lastLargeUnit = Infinity;
  let previousLargeUnit = Infinity; // the exponent in force before the last group
  let lastGroup: ExactDecimal | null = null; // the section value of the last group, for 万億
  let sawAnything = false;
  for (const ch of text) {
    const exponent = LARGE_UNITS[ch];
    if (exponent !== undefined) {
      if (section === '' && lastGroup !== null && exponent > lastLargeUnit) {
        // 1万億: re-scale the last group (1 × 10^4) by 10^8 more.
        const combined = lastLargeUnit + exponent;
        if (combined >= previousLargeUnit) return null;
        const counted = times(lastGroup, lastLargeUnit);
        total = add(add(total, { units: -counted.units, scale: counted.scale }), times(lastGroup, combined));
        lastLargeUnit = combined;
        lastGroup = null;
        continue;
      }
      const value = parseSection(section);
      if (value === null || exponent >= lastLargeUnit) return null;
      previousLargeUnit = lastLargeUnit;
      lastLargeUnit = exponent;
      lastGroup = value;
      total = add(total, times(value, exponent));
      section = '';
      sawAnything = true;
    } else {
      section += ch;
    }
  }
  if (section !== '') {
    const value = parseSection(section);
    if (value === null) return null;
    total = add(total, value);
    sawAnything = true;
  }
  return sawAnything ? total : null;
}

/** Exact sum of two values. */
export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return add(a, b);
}

/** value × 10^exponent, exactly (a negative exponent divides: 13 銭 = 13 × 10^-2 円). */
export function scaleDecimal(value: ExactDecimal, exponent: number): ExactDecimal {
  if (exponent >= 0) return times(value, exponent);
  return { units: value.units, scale: value.scale - exponent };
}

/** The exact decimal string of a value, without trailing fractional zeros (`85000`, `1.5`). */
export function formatDecimal(value: ExactDecimal): string {
  const negative = value.units < 0n;
  let digits = (negative ? -value.units : value.units).toString();
  if (value.scale > 0) {
    digits = digits.padStart(value.scale + 1, '0');
    let whole = digits.slice(0, -value.scale);
    let fraction = digits.slice(-value.scale).replace(/0+$/, '');
    if (whole === '') whole = '0';
    digits = fraction ? `${whole}.${fraction}` : whole;
  }
  return negative ? `-${digits}` : digits;
}

/** Convenience: the exact decimal string of a numeral, or null. */
export function japaneseNumberText(input: string): string | null {
  const value = parseJapaneseNumber(input);
  return value === null ? null : formatDecimal(value);
}

/** Small integers (years, months, days) from any numeral form; null when not an integer. */
export function japaneseInteger(input: string): number | null {
  const value = parseJapaneseNumber(input);
  if (value === null) return null;
  const text = formatDecimal(value);
  return /^\d+$/.test(text) ? Number(text) : null;
}
