/**
 * Safe rewrites generalise rather than delete: a name becomes "a patient", an
 * age a decade, a town "our area", a date goes with its preposition. Each
 * helper returns the span to replace (sometimes widened to take a
 * preposition or separator along) and the words to put there, so that the
 * rewritten post still reads as a sentence.
 */
import type { Candidate } from '../types.js';
import type { PostContext } from './context.js';

export interface Edit {
  start: number;
  end: number;
  replacement: string | null;
}

// A preposition or separator that only served the identifier: "at 555-0100", "in bed 4", "(DOB 3/9/88)".
// After an aside's closing comma the sentence goes on with a verb or preposition.
const APPOSITION_END = /^,\s+(?:is|was|are|were|has|had|will|would|can|could|did|does|on|in|at|for|after|before|from|to|with|who|which|that|so|because|since|when|while)\b/i;
const LEAD_IN = /(?:^|(?<=\s))(?:at|on|in|from|via|to|near|by):?\s*$/i;

/**
 * Removes the identifier and a preposition that only served it, or the
 * brackets and separators around it: "call you back at 555 0100 tomorrow"
 * → "call you back tomorrow"; "Kyle (DOB 3/9/88)," → "Kyle,".
 */
export function drop(ctx: PostContext, start: number, end: number, keepLeadIn = false): Edit {
  const text = ctx.text;
  let s = start;
  let e = end;
  // Brackets that hold nothing else.
  const open = text.slice(0, s).match(/\(\s*$/);
  const close = text.slice(e).match(/^\s*\)/);
  if (open && close) {
    s -= open[0].length;
    e += close[0].length;
    return { start: s, end: e, replacement: '' };
  }
  // "— MRN 0048 —" between separators: take one separator along.
  const sepBefore = text.slice(0, s).match(/\s[—–-]\s*$/);
  const sepAfter = text.slice(e).match(/^\s*[—–-]\s/);
  if (sepBefore && sepAfter) return { start: s - sepBefore[0].length + 1, end: e, replacement: '' };
  // At the start of a sentence the space after the identifier goes with it.
  const sentenceStart = ctx.facts(s).span.start;
  if (/^[\s\p{P}\p{S}]*$/u.test(text.slice(sentenceStart, s)) && !/^\s*[,.;:!?)]/.test(text.slice(e))) {
    const space = /^\s+/.exec(text.slice(e));
    return { start: s, end: e + (space?.[0].length ?? 0), replacement: '' };
  }
  // "her cell, 555-0100, on the form": an aside set off by commas goes with both commas.
  const commaBefore = /,\s*$/.exec(text.slice(0, s));
  if (commaBefore && APPOSITION_END.test(text.slice(e))) {
    return { start: s - commaBefore[0].length, end: e + 1, replacement: '' };
  }
  if (!keepLeadIn) {
    const lead = text.slice(Math.max(0, s - 8), s).match(LEAD_IN);
    if (lead && lead[0].trim().length > 0) s -= lead[0].length;
    else if (/,\s*$/.test(text.slice(0, s)) && /^\s*(?:[,.;:!?)]|$)/.test(text.slice(e))) {
      // ", 555-0100." at the end of a clause: the comma goes too.
      s -= (text.slice(0, s).match(/,\s*$/) ?? [''])[0].length;
    }
  }
  // "records: 555-0100, per his daughter": the colon is left to introduce nothing, so the comma goes.
  if (/:\s*$/.test(text.slice(0, s)) && /^,\s/.test(text.slice(e))) e += 1;
  // "(from the bakery on 5th Street)": no space may stay before the closing bracket.
  if (/^[)\]}]/.test(text.slice(e)) && /\s$/.test(text.slice(0, s))) s -= 1;
  return { start: s, end: e, replacement: '' };
}

/** The decade of an age: 58 → "in their 50s"; over 89 → "over 89". */
export function ageRange(age: number): string {
  if (age > 89) return 'over 89';
  if (age < 10) return 'a young child';
  if (age < 13) return 'a child';
  if (age < 20) return 'a teen';
  return `in their ${Math.floor(age / 10) * 10}s`;
}

/** "34-year-old" as an adjective → "30-something"; over 89 → "90-plus". */
export function ageAdjective(age: number): string {
  if (age > 89) return '90-plus';
  if (age < 13) return 'young';
  if (age < 20) return 'teenage';
  return `${Math.floor(age / 10) * 10}-something`;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** "ninety-four" → 94, "one hundred and two" → 102, "97" → 97; NaN when not a number. */
export function numberValue(words: string): number {
  const t = words.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  let total = 0;
  let seen = false;
  for (const part of t.split(/[\s-]+/)) {
    if (part === 'and' || part === 'a') continue;
    if (part === 'hundred') {
      total = (total || 1) * 100;
      seen = true;
      continue;
    }
    const v = NUMBER_WORDS[part];
    if (v === undefined) return Number.NaN;
    total += v;
    seen = true;
  }
  return seen ? total : Number.NaN;
}

/**
 * The engine capitalises a lower-case replacement when the text it replaces
 * starts with a capital ("Slipped disc" → "Disc herniation"); right at the
 * start of a sentence, but not for a name mid-sentence ("see Priya" must become
 * "see a patient"). Mid-sentence the replacement is kept as written.
 */
export function keepCase(ctx: PostContext, c: Candidate): Candidate {
  const replacement = c.replacement;
  if (typeof replacement !== 'string' || !/^\p{Ll}/u.test(replacement)) return c;
  const original = ctx.text.slice(c.start, c.end);
  const first = /\p{L}/u.exec(original)?.[0];
  if (!first || first === first.toLowerCase()) return c;
  const sentenceStart = ctx.facts(c.start).span.start;
  if (/^[\s\p{P}\p{S}]*$/u.test(ctx.text.slice(sentenceStart, c.start))) return c;
  return { ...c, keepCase: true };
}

/**
 * A labelled number ("MRN 0048", "member ID is XJH44"): where the label
 * stands alone in a list or fills its sentence it goes with the number;
 * where it is part of the sentence ("her member ID is XJH44 for the claim")
 * it stays and only the number (and "is", ":") goes.
 */
export function dropLabelled(ctx: PostContext, start: number, end: number, valueStart: number): Edit {
  const text = ctx.text;
  const sentence = ctx.facts(start).span;
  const lead = text.slice(sentence.start, start);
  const rest = text.slice(end, sentence.end);
  if (/[,;:(/|-]\s*$/.test(lead) || (/^[\s\p{P}\p{S}]*$/u.test(lead) && /^[\s.!?]*$/.test(rest))) {
    const d = drop(ctx, start, end);
    // A sentence that was only the label and number goes whole, with its full stop.
    if (/^[\s\p{P}\p{S}]*$/u.test(lead) && /^[.!?]\s*/.test(text.slice(d.end))) {
      d.end += (/^[.!?]\s*/.exec(text.slice(d.end))?.[0].length ?? 0);
    }
    return d;
  }
  const connector = /\s*(?:#|:|=|\bis|\bwas|\bno\.?|\bnumber)?\s*:?\s*$/i.exec(text.slice(start, valueStart));
  return { start: valueStart - (connector?.[0].length ?? 0), end, replacement: '' };
}
