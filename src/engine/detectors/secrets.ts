/**
 * A secret given after a label: "pw is Spine2025!", "door code is still
 * 4729", "MFA code just came in, 493117", "the code's four seven two nine",
 * "login on the monitor: orboard / Mercy123". The labels are data (the rule's
 * options); this detector decides whether what follows a label within a few
 * words is a secret, so that "change your password regularly", "enter the code
 * we text you" and "code blue" stay quiet.
 */
import { z } from 'zod';
import { hasMatch, mayMatch } from '../catalog/anchors.js';
import { compilePattern } from '../catalog/regex.js';
import { isDigitCode, isNumberWord, isPasswordLike, tokensWithin, TRAILING, type Token } from './secret-shapes.js';
import { wordKind } from './identifiers/words.js';
import type { Candidate, Detector, DetectorFactory, Post } from './types.js';

const OptionsSchema = z
  .object({
    /** Regular expressions for the labels, matched case-insensitively on the normalised text. */
    labels: z.array(z.string().min(1)).min(1),
    /** password: "Spine2025!", "p@ss", "4729"; digits: keypad and one-time codes, also spelled out. */
    value: z.enum(['password', 'digits']),
    /** How many words may stand between the label and the secret. */
    gap: z.number().int().min(0).max(14).default(4),
    /** The secret must be the second half of "user / secret" (a login written as a pair). */
    pair: z.boolean().default(false),
    /** Fewest digits a digit value may have: labels that name a kind of code rather than its slot ("Duo", "MFA") need longer values than years. */
    minDigits: z.number().int().min(3).max(10).default(3),
  })
  .strict();

type Options = z.infer<typeof OptionsSchema>;

// Words that link a label to its value and do not count as a separate word.
const COPULA_END = /(?:\bis|\bwas|:|=|'s)\s*$/i;
const LINKS = new Set(['is', 'was', "'s", 's', '=', ':', '-', '->', '=>', 'now', 'still', 'currently', 'just', 'again', 'are']);
// A value introduced by these is an example in a lesson, not a real secret.
const EXAMPLE = /^(?:like|e\.?g\.?|example|eg|such|say|not|never|avoid|than)$/i;
const REDACTED = /^[[(<]?(?:removed|redacted|hidden|x{3,}|\*{3,}|•{3,})[\])>]?(?![\p{L}\p{N}])/iu;
/** A slot our rewrite (or the author) already redacted: "[removed]", "(hidden)", "xxxx". */
function isRedacted(t: Token): boolean {
  return REDACTED.test(t.raw) || REDACTED.test(t.core);
}
// A slot our rewrite redacted, typed against other characters: "p@ssw0rd[removed])" when no space kept it apart.
const REDACTED_WITHIN = /[[(<](?:removed|redacted)[\])>]/i;
// An aside opened with its own heading: "(Edit: …)", "(Note: …)", "(Disclosure: …)", which the rewrite appends to a
// sentence naming a brand even when that sentence ends on a bare "pass:". What follows is the aside's, not the label's.
const ASIDE = /^\(\p{L}+:$/u;
// A number after these is a time, a year or an amount ("in 30 seconds", "since 2019").
const MEASURE_BEFORE = /^(?:in|since|from|until|till|by|of|for|year|years|every|per|than|over|under|about|around|within|after|before|at|top|first|last|only)$/i;
const UNIT_AFTER = /^(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|digits?|characters?|chars?|times?|people|patients|pts|cases|mg|mcg|ml|%|am|pm|x|staff|users|accounts|employees|members|followers|views|likes|logins|devices|clinicians|nurses|doctors|steps|words)$/i;
// Two words joined by sentence marks and nothing else ("manager.?never", "(finally!)Next", "state!)E/M"): a
// missing space, not a password; removing it would also remove the next sentence's first word (often "never").
// A word with only the marks of such a sentence left after it ("post.@", once the rewrite took "friggin") is none either.
const GLUED_SENTENCES = /^\p{L}+[.!?]+["')\]]*(?:\p{L}+(?:\/\p{L}+)?|[@#&])$/u;
// The start of the next sentence typed against a value with no space ("Lumbar#44.@Never DM", "Lamina2026!drinks'at?six",
// "x7&amp;Never", "x7<@U123>Never"): a sentence mark (or an escaped "&", whose ";" closes a clause, or a mention or link
// in Slack's markup) and then only words and punctuation. A password does not go on into words like that; taking them
// too would make the rewrite remove the next sentence's first words, often the "never" that kept it harmless.
const GLUED_TAIL = /(?:[.!?]+|&amp;|<(?:[@#!][\w^|.-]*|https?:[^<>\s]*)>)["'()[\]-]*[@#&]?\p{L}[\p{L}.,;:!?'"()[\]-]*$/u;
// A bare year after a label is a date ("sticky notes on my monitor: 2026 goals"), not a password.
const YEAR = /^(?:19|20)\d\d$/;
// Words the dictionary may not know that say something about a password rather than being one.
const ABOUT_A_PASSWORD = /^(?:reset|set|same|different|case|sensitive|protected|encrypted|mandatory|optional|temporary|temp|blank|empty|expiring|ours|mine|yours|theirs)$|(?:ly|ing|ed)$/i;

export const secretsDetector: DetectorFactory = (setup) => {
  const options = OptionsSchema.parse(setup.options);
  const labels = options.labels.map((source) => compilePattern(source));
  const prefilter = compilePattern(labels.map((re) => `(?:${re.source})`).join('|'), 'iu');
  const detect: Detector = (post) => {
    if (!hasMatch(prefilter, post.text)) return [];
    const found: Candidate[] = [];
    const taken = new Set<number>();
    for (const label of labels) {
      if (!mayMatch(label, post.text)) continue;
      label.lastIndex = 0;
      for (const m of post.text.matchAll(label)) {
        // A label inside a web or e-mail address ("https://portal.example.org/login") may still name what follows the
        // address, but the rest of the address is no user name or password.
        // A label reaching past the address ("x.Keypad on the gym changed to") names what follows its own end.
        const labelEnd = (m.index ?? 0) + m[0].length;
        const at = Math.max(addressEnd(post.text, m.index ?? 0) ?? labelEnd, labelEnd);
        const hit = findValue(post, at, options, COPULA_END.test(m[0]));
        if (!hit || taken.has(hit.start)) continue;
        taken.add(hit.start);
        found.push({ start: hit.start, end: hit.end, evidence: [m[0].trim()], sensitive: 'secret' });
      }
    }
    return found;
  };
  return detect;
};

// A web or e-mail address: "https://portal.example.org/login", "epic-hs.example.org/launch", "login@clinic.org".
const ADDRESS = /^(?:[a-z][\w+.-]*:\/\/|www\.|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/?#]|$)|[^\s@]+@[\w-]+\.)/i;
/** How far around a label its address is read, in characters: far more than any host name. */
const ADDRESS_REACH = 256;

/** Where the address holding `at` ends, when the run of non-space characters around `at` is one. */
function addressEnd(text: string, at: number): number | undefined {
  let from = at;
  while (from > 0 && at - from < ADDRESS_REACH && !/\s/.test(text[from - 1] as string)) from--;
  const word = /^\S*/.exec(text.slice(from, at + ADDRESS_REACH))?.[0] ?? '';
  // Brackets, quotes and an "@" before an address are not part of it.
  return ADDRESS.test(word.replace(/^["'(<[@]+/, '')) ? from + word.length : undefined;
}

interface Span {
  start: number;
  end: number;
}

/** How far after its label a value is looked for, in characters: far more than `gap` words of any secret's length. */
const VALUE_REACH = 1500;

function findValue(post: Post, from: number, options: Options, labelLinks: boolean): Span | undefined {
  // Link words ("is", ":", "now") do not count against the gap, so a few per word are allowed for; a label in
  // a long draft with no sentence breaks then reads a few dozen tokens, not all those within reach.
  const limit = (options.gap + 1) * 3 + 4;
  const tokens = tokensWithin(post.text, from, Math.max(post.structure.sentenceAt(from).end, from), VALUE_REACH, limit);
  let words = 0;
  // A plain word is a password only right after "is", ":" or "=" ("the Wi-Fi password is bluebird").
  let linked = labelLinks;
  for (let i = 0; i < tokens.length && words <= options.gap; i++) {
    const t = tokens[i] as Token;
    // "password is [removed]": the slot is already redacted (our own rewrite does this), so nothing after it is the secret.
    // Nor is a token that holds such a slot: what is glued to it was read, and what was the secret is gone.
    if (EXAMPLE.test(t.core) || isRedacted(t) || REDACTED_WITHIN.test(t.raw) || ASIDE.test(t.raw)) return undefined;
    if (LINKS.has(t.raw.toLowerCase()) || LINKS.has(t.core.toLowerCase()) || t.core === '') {
      linked = true;
      continue;
    }
    const value = options.pair ? pairValue(tokens, i) : valueAt(tokens, i, options, linked || /^[:=]/.test(t.raw));
    if (value) return value;
    linked = false;
    words++;
    if (/;$/.test(t.raw)) return undefined;
  }
  return undefined;
}

function valueAt(tokens: readonly Token[], i: number, options: Options, linked: boolean): Span | undefined {
  const t = beforeGlued(beforeQuote(tokens[i] as Token));
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const measured =
    (prev !== undefined && !prev.closesClause && MEASURE_BEFORE.test(prev.core)) ||
    (next !== undefined && UNIT_AFTER.test(next.core));
  if (options.value === 'digits') {
    // "G-482913": some services put a letter prefix before a one-time code.
    const prefixed = /^[a-z]-\d{4,8}$/i.test(t.core);
    const span =
      (isDigitCode(t.core) || prefixed) && !measured
        ? { start: t.start, end: t.end, digits: t.core.replace(/\D/g, '').length }
        : spelledOrSpaced(tokens, i);
    return span && span.digits >= options.minDigits ? { start: span.start, end: span.end } : undefined;
  }
  if (isPasswordLike(t.core) && !GLUED_SENTENCES.test(t.core)) {
    if (/^\d+$/.test(t.core) && (measured || YEAR.test(t.core))) return undefined;
    return { start: t.start, end: t.end };
  }
  if (linked && plainWordPassword(t, next)) return { start: t.start, end: t.end };
  return undefined;
}

/**
 * A token cut at a quotation mark inside it ('rides"cane'): the mark opens or
 * closes a quotation around other words, so the secret stops before it, and
 * removing the secret leaves the quotation (and what it says about the words
 * in it) as it was.
 */
function beforeQuote(t: Token): Token {
  const quote = t.core.indexOf('"');
  if (quote <= 0) return t;
  // What the quotation follows loses its closing marks as a whole token does: "it.:Laminectomy!" is no "user:password".
  const core = t.core.slice(0, quote).replace(TRAILING, '');
  return { ...t, core, end: t.start + core.length, closesClause: false };
}

/** A token cut where the next sentence was typed against it (GLUED_TAIL); what is left may be nothing. */
function beforeGlued(t: Token): Token {
  // Past twice a password's length the token is no password either way, and the pattern would read it from every mark.
  if (t.core.length > 128) return t;
  const glued = GLUED_TAIL.exec(t.core);
  if (!glued) return t;
  return { ...t, core: t.core.slice(0, glued.index), end: t.start + glued.index, closesClause: true };
}

/** "four seven two nine", "4 4 1 9", "one-nine-seven-three", "482 913": a code read out one digit or one half at a time. */
function spelledOrSpaced(tokens: readonly Token[], i: number): (Span & { digits: number }) | undefined {
  const first = tokens[i] as Token;
  const parts = first.core.split('-');
  if (parts.length >= 4 && parts.every(isNumberWord)) return { start: first.start, end: first.end, digits: parts.length };
  const second = tokens[i + 1];
  // An authenticator shows six digits as two groups of three; "482 913" after a code label is that code.
  if (second && /^\d{3}$/.test(first.core) && !first.closesClause && /^\d{3}#?$/.test(second.core)) {
    return { start: first.start, end: second.end, digits: 6 };
  }
  let j = i;
  let digits = 0;
  const spelled = isNumberWord(first.core);
  while (j < tokens.length) {
    const t = tokens[j] as Token;
    const ok = spelled ? isNumberWord(t.core) : /^\d{1,2}$/.test(t.core);
    if (!ok) break;
    digits += spelled ? 1 : t.core.length;
    j++;
    if (t.closesClause && !/,$/.test(t.raw)) break;
  }
  if (j - i < (spelled ? 4 : 3) || digits < 4) return undefined;
  return { start: first.start, end: (tokens[j - 1] as Token).end, digits };
}

/**
 * "the Wi-Fi password is bluebird.": a lone word right after the label, closing
 * the clause, that is not an ordinary English word ("strong", "changed"). The
 * dictionary lookup costs nothing, unlike a parse.
 */
function plainWordPassword(t: Token, next: Token | undefined): boolean {
  if (!/^\p{L}{4,24}$/u.test(t.core)) return false;
  const ends = t.closesClause || next === undefined || /^[—–-]$/.test(next.raw);
  if (!ends) return false;
  const kind = wordKind(t.core);
  if (kind === 'unknown') return !ABOUT_A_PASSWORD.test(t.core);
  return kind === 'first-name' || kind === 'last-name' || kind === 'person' || kind === 'place';
}

// What splits the user from the password: "orboard / Mercy123", "jdoe | Spring24!", "clinic.admin:Welcome1", "ward\\Theatre#4".
const JOINED_PAIR = /^([^/|:\\\s]{3,})[/|:\\]([^/|:\\\s]{4,})$/;
const PAIR_SEPARATOR = /^[/|:\\]$/;

/** "orboard / Mercy123": the password half of a login written as a pair. */
function pairValue(tokens: readonly Token[], i: number): Span | undefined {
  // Cut at a quotation mark as a lone value is (beforeQuote): removing a password must leave the quotation it ends.
  const t = beforeGlued(beforeQuote(tokens[i] as Token));
  const joined = JOINED_PAIR.exec(t.core);
  if (joined && isPasswordLike(joined[2] as string) && !/^\d+$/.test(joined[2] as string)) {
    const offset = (joined[1] as string).length + 1;
    return { start: t.start + offset, end: t.end };
  }
  const slash = tokens[i + 1];
  const after = tokens[i + 2];
  // "ward5 / [removed]": the password half is already redacted (our own rewrite does this).
  if (after && isRedacted(after)) return undefined;
  const second = after && beforeGlued(beforeQuote(after));
  if (t.core.length >= 3 && slash && PAIR_SEPARATOR.test(slash.raw) && second && isPasswordLike(second.core) && !/^\d+$/.test(second.core)) {
    return { start: second.start, end: second.end };
  }
  return undefined;
}
