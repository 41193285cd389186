// Words for people: the one plural helper, "a" or "an", and a volume as the
// user gave it. Pure functions; sizes and durations are in units.ts, rates in rate.ts.

import { formatCount, periodSeconds, type Rate, type RatePeriod } from './rate';

/**
 * A count and its noun, singular for exactly one: plural(1, 'worker') is "1 worker",
 * plural(2, 'worker') "2 workers", plural(3, 'entry', 'entries') "3 entries". `shown` replaces
 * the number as written ("1.5k"), and the noun follows the number it stands for.
 */
export function plural(n: number, singular: string, pluralForm = `${singular}s`, shown: string = String(n)): string {
  return `${shown} ${n === 1 ? singular : pluralForm}`;
}

/** Only the noun, for a count written elsewhere: noun(1, 'copy', 'copies') is "copy". */
export function noun(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}

/**
 * "a" or "an" for a phrase as it is read aloud: "an 8 GB model", "an 11 GB model", "an 18 MB file",
 * "an 800 MB model", "a 1.5 GB model", "an ml.g5 instance" (em-el), "an image", "a user".
 */
export function article(phrase: string): 'a' | 'an' {
  const s = phrase.trim();
  const digits = /^(\d[\d,]*)/.exec(s);
  if (digits) {
    // Read in thousands: the first group says how it starts ("8,000" is eight thousand, "11,500" eleven thousand...).
    const whole = digits[1]!.replace(/,/g, '');
    const lead = whole.length % 3 === 0 ? whole.slice(0, 3) : whole.slice(0, whole.length % 3);
    return lead.startsWith('8') || lead === '11' || lead === '18' ? 'an' : 'a';
  }
  // Letters read one by one (lower-case ids such as "ml.", upper-case initialisms): f, h, l, m, n, r, s, x start with a vowel sound.
  if (/^(ml|[A-Z][A-Z0-9]+)\b/.test(s)) return /^[aefhilmnorsx]/i.test(s) ? 'an' : 'a';
  if (/^(uni|use|usu|eu|one\b)/i.test(s)) return 'a';
  if (/^(hour|honest)/i.test(s)) return 'an';
  return /^[aeiou]/i.test(s) ? 'an' : 'a';
}

/** The phrase with its article: withArticle('8 GB model') is "an 8 GB model". */
export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`;
}

const PERIOD_WORDS: Record<RatePeriod, string> = { s: 'second', min: 'minute', h: 'hour', day: 'day', month: 'month' };

/**
 * A volume as the user gave it: --requests 5M/day is "5M requests a day", 1/s "1 request a
 * second", 30000/month "30k requests a month"; under one in its period, a longer period ("3.04
 * requests a month", not "0.1 requests a day"). `what` is the plural noun counted (records for batch).
 */
export function formatVolume(rate: Pick<Rate, 'count' | 'period'>, what = 'requests'): string {
  const singular = what.endsWith('s') ? what.slice(0, -1) : what;
  // Less than one in the period given (a thousandth of 100/day): say it over a longer period.
  let { count, period } = rate;
  const longer: RatePeriod[] = ['s', 'min', 'h', 'day', 'month'];
  for (let i = longer.indexOf(period); count < 1 && i < longer.length - 1; i++) {
    count = (count / periodSeconds(longer[i]!)) * periodSeconds(longer[i + 1]!);
    period = longer[i + 1]!;
  }
  return `${plural(count, singular, what, formatCount(count))} ${withArticle(PERIOD_WORDS[period])}`;
}

/** Every one of n things: "both models" for two, "all 3 models" for more. */
export function all(n: number, pluralNoun: string): string {
  return n === 2 ? `both ${pluralNoun}` : `all ${n} ${pluralNoun}`;
}
