/**
 * What must hold for any draft whatever, and the drafts to try it on. Shared
 * by the property tests (test/property/, a few hundred cases) and
 * `npm run fuzz` (100,000 cases), so both check exactly the same things.
 *
 * For every input: the review either succeeds or refuses with a DraftError
 * that the input deserves (nothing to review, or over the limit); every
 * finding's span lies inside the text, on whole characters, with `text` equal
 * to the slice it names; findings come sorted by start; the same input gives
 * the same review; and the rewrite, reviewed again, has no `error` finding
 * whenever every error had a suggestion to apply.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import {
  DraftError,
  MAX_DRAFT_CHARS,
  PLATFORMS,
  SEVERITIES,
  THEMES,
  type Engine,
  type Review,
  type ReviewOptions,
} from '../engine/index.js';

export interface Case {
  kind: string;
  text: string;
  options: ReviewOptions;
}

export class PropertyViolation extends Error {
  override name = 'PropertyViolation';
}

export interface Checked {
  outcome: 'reviewed' | 'refused';
  /** Time of the first review of the input. */
  ms: number;
  findings: number;
  /** Whether the rewrite was re-reviewed (skipped when an error finding had no suggestion). */
  rewriteChecked: boolean;
  problem?: string;
}

/** Letters or digits: a draft with one of them and within the limit must be reviewed. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function fail(message: string): never {
  throw new PropertyViolation(message);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** What the properties need of an engine (tests give fakes that break one promise each). */
export type Reviewer = Pick<Engine, 'review'>;

/** Whether offset i falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Runs review and checks what a refusal must mean; returns the review, or the refusal's problem. */
function reviewOrRefusal(engine: Reviewer, text: string, options: ReviewOptions, what: string): Review | { refused: string } {
  const length = codePoints(text);
  let review: Review;
  try {
    review = engine.review(text, options);
  } catch (err) {
    if (!(err instanceof DraftError)) {
      fail(`${what}: review threw ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err)}`);
    }
    if (err.problem === 'too-long' && length <= MAX_DRAFT_CHARS) fail(`${what}: refused as too long at ${length} characters`);
    if (err.problem === 'empty' && HAS_WORDS.test(text)) fail(`${what}: refused as empty though it has letters or digits`);
    if (err.problem !== 'too-long' && err.problem !== 'empty') fail(`${what}: refused with problem "${err.problem}"`);
    // Over the limit, a draft with words must be refused as too long (one without is empty either way).
    if (length > MAX_DRAFT_CHARS && err.problem !== 'too-long' && HAS_WORDS.test(text)) {
      fail(`${what}: ${length} characters refused as "${err.problem}"`);
    }
    return { refused: err.problem };
  }
  if (length > MAX_DRAFT_CHARS) fail(`${what}: ${length} characters reviewed instead of refused`);
  return review;
}

function checkShape(review: Review, text: string, options: ReviewOptions, what: string): void {
  if (typeof review.rewrite !== 'string') fail(`${what}: rewrite is not a string`);
  if (!Array.isArray(review.findings)) fail(`${what}: findings is not an array`);
  const themes: readonly string[] = options.themes ?? THEMES;
  let previous = -1;
  review.findings.forEach((f, i) => {
    const at = `${what}: finding ${i} (${f.rule})`;
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end)) fail(`${at}: offsets ${f.start}–${f.end} are not integers`);
    if (f.start < 0 || f.end > text.length || f.start >= f.end) fail(`${at}: span ${f.start}–${f.end} is not inside 0–${text.length}`);
    if (f.text !== text.slice(f.start, f.end)) fail(`${at}: text ${JSON.stringify(f.text)} is not text.slice(${f.start}, ${f.end})`);
    if (splitsPair(text, f.start) || splitsPair(text, f.end)) fail(`${at}: span ${f.start}–${f.end} cuts a surrogate pair`);
    if (f.start < previous) fail(`${at}: starts at ${f.start}, before the previous finding (${previous})`);
    previous = f.start;
    if (!themes.includes(f.theme)) fail(`${at}: theme "${f.theme}" was not asked for`);
    if (!(SEVERITIES as readonly string[]).includes(f.severity)) fail(`${at}: severity "${f.severity}"`);
    if (f.suggestion !== null && typeof f.suggestion !== 'string') fail(`${at}: suggestion is neither text nor null`);
    if (typeof f.message !== 'string' || f.message.trim() === '') fail(`${at}: no message`);
  });
}

/** Checks every property on one input; throws PropertyViolation on the first that fails. */
export function checkCase(engine: Reviewer, { text, options }: Case): Checked {
  const t0 = performance.now();
  const first = reviewOrRefusal(engine, text, options, 'draft');
  const ms = performance.now() - t0;
  if ('refused' in first) {
    const again = reviewOrRefusal(engine, text, options, 'draft, second time');
    if (!('refused' in again) || again.refused !== first.refused) fail('the same draft was refused once and not the next time');
    return { outcome: 'refused', ms, findings: 0, rewriteChecked: false, problem: first.refused };
  }
  checkShape(first, text, options, 'draft');
  const second = reviewOrRefusal(engine, text, options, 'draft, second time');
  if (!isDeepStrictEqual(first, second)) fail('the same draft gave two different reviews');

  // The rewrite applies every suggestion: when every error had one, none may remain.
  const errors = first.findings.filter((f) => f.severity === 'error');
  let rewriteChecked = false;
  if (errors.every((f) => f.suggestion !== null)) {
    const after = reviewOrRefusal(engine, first.rewrite, options, 'rewrite');
    rewriteChecked = true;
    // A rewrite may be refused: deleting the only words leaves nothing, and added
    // disclosures can pass the limit. Refused or not, it was checked as above.
    if (!('refused' in after)) {
      checkShape(after, first.rewrite, options, 'rewrite');
      const left = after.findings.filter((f) => f.severity === 'error');
      if (left.length > 0) {
        fail(`the rewrite still has error findings: ${left.map((f) => `${f.rule} at ${f.start}–${f.end} ${JSON.stringify(f.text)}`).join('; ')}`);
      }
    }
  }
  return { outcome: 'reviewed', ms, findings: first.findings.length, rewriteChecked };
}

// ---------------------------------------------------------------------------
// Inputs

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F', '\u180E', '\uFE0F'];
const BIDI = ['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C'];
const CONTROL = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007F', '\u0085', '\u009F', '\u2028', '\u2029'];
const EMOJI = ['👩‍⚕️', '👨‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🧑🏿‍🦽', '1️⃣', '#️⃣', '🇺🇸', '🇬🇧', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '❤️‍🔥', '🦴', '💊', '🩻', '😷', '🙂', '⚕️'];
const RTL_WORDS = ['מטופל', 'שלום', 'مريض', 'ألم الظهر', 'الطبيب', '٠١٢٣٤٥٦٧٨٩', '۱۲۳', 'עמוד שדרה'];
const SPACES = [' ', '  ', '\n', '\n\n', '\t', '\u00A0', '\u2003', '\u3000', '\r\n'];
const PUNCTUATION = ['.', ',', '!', '?', '…', ':', ';', '—', '–', '-', '"', "'", '“', '”', '‘', '’', '(', ')', '#', '@', '/', '&amp;', '<@U123>', '<https://example.org|link>'];
const FILLER = ['my', 'patient', 'today', 'the', 'Mr.', 'Dr.', 'pt', 'we', 'never', 'may', 'spine', 'back pain', 'surgery', 'cure', 'password', 'room 12', 'DOB', '03/14/1931', '555-123-4567', 'john.smith@example.org', 'https://example.org/x', '94', 'yo', 'lol', '#spine', '@someone'];

// Look-alikes people (or evasions) type for Latin letters.
const LOOK_ALIKE: Record<string, string[]> = {
  a: ['а', 'α', 'ａ', '𝐚'],
  c: ['с', 'ϲ', 'ｃ'],
  e: ['е', 'ε', 'ｅ', '𝐞'],
  i: ['і', 'ι', 'ı', 'ｉ'],
  o: ['о', 'ο', 'ｏ', '𝐨', '0'],
  p: ['р', 'ρ', 'ｐ', '𝐩'],
  s: ['ѕ', 'ｓ', '𝐬'],
  t: ['т', 'τ', 'ｔ', '𝐭'],
  x: ['х', 'χ', 'ｘ'],
  y: ['у', 'ｙ'],
  n: ['ｎ', '𝐧'],
  l: ['ℓ', 'ӏ', 'ｌ', '1'],
};

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

/** Any single unit: a code point anywhere in Unicode, a lone surrogate, or one of the awkward characters above. */
const anyUnit = fc.oneof(
  { arbitrary: anyCodePoint, weight: 6 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: fc.constantFrom(...ZERO_WIDTH, ...BIDI, ...CONTROL), weight: 2 },
  { arbitrary: fc.constantFrom(...EMOJI, ...SPACES, ...PUNCTUATION), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 4 },
);

/** Applies one of the disguises to each character, driven by `choices` so fast-check can shrink it. */
export function disguise(text: string, choices: readonly number[]): string {
  if (choices.length === 0) return text;
  let out = '';
  let i = 0;
  for (const ch of text) {
    const c = choices[i++ % choices.length] as number;
    const lower = ch.toLowerCase();
    switch (c % 8) {
      case 0: {
        const alikes = LOOK_ALIKE[lower];
        out += alikes ? (alikes[c % alikes.length] as string) : ch;
        break;
      }
      case 1:
        out += ch + (ZERO_WIDTH[c % ZERO_WIDTH.length] as string);
        break;
      case 2:
        out += ch.toUpperCase();
        break;
      case 3:
        out += ch + (c % 3 === 0 ? (BIDI[c % BIDI.length] as string) : '');
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** Phrases the catalogue itself knows: its rules' examples and phrases, and their words. */
export function cataloguePieces(engine: Engine): string[] {
  const pieces = new Set<string>();
  for (const { spec } of engine.rules) {
    for (const e of spec.examples.flag) pieces.add(typeof e === 'string' ? e : e.text);
    for (const e of spec.examples.pass) pieces.add(e);
    if (spec.detect.kind === 'phrases') for (const p of spec.detect.phrases ?? []) pieces.add(typeof p === 'string' ? p : p.term);
    if (spec.suggestion?.replace) pieces.add(spec.suggestion.replace.replace(/\$\d/g, 'x'));
  }
  for (const piece of [...pieces]) for (const word of piece.split(/\s+/)) if (word) pieces.add(word);
  return [...pieces];
}

const optionsArb: fc.Arbitrary<ReviewOptions> = fc
  .record({
    platform: fc.option(fc.constantFrom(...PLATFORMS), { nil: undefined }),
    themes: fc.option(fc.subarray([...THEMES], { minLength: 1 }), { nil: undefined, freq: 4 }),
  })
  .map(({ platform, themes }) => ({ ...(platform ? { platform } : {}), ...(themes ? { themes } : {}) }));

function joined(parts: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc.array(parts, { minLength: 1, maxLength }).map((xs) => xs.join(''));
}

/** Repeats a chunk to a length near the limit (sometimes over it), counted in characters. */
function huge(chunk: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const length = fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: MAX_DRAFT_CHARS }), weight: 3 },
    { arbitrary: fc.integer({ min: MAX_DRAFT_CHARS - 20, max: MAX_DRAFT_CHARS + 20 }), weight: 3 },
  );
  return fc.tuple(chunk, length).map(([c, n]) => {
    const units = [...(c.length > 0 ? c : 'a')];
    return Array.from({ length: n }, (_, i) => units[i % units.length] as string).join('');
  });
}

/** One character repeated, with a word before or after: runs of marks and spaces. */
function runs(): fc.Arbitrary<string> {
  const unit = fc.oneof(fc.constantFrom(' ', '\n', '\t', '.', '…', '!', '?', '-', '_', '*', '#', '@', '/', ':', ',', '"', "'", '(', '1', 'a', '\u00a0', '\u200b'), fc.string({ unit: anyUnit, minLength: 1, maxLength: 1 }));
  const word = fc.constantFrom('hello', 'my patient Mrs. Okafor', 'password: x', 'call 555-123-4567', 'at');
  return fc
    .tuple(unit, fc.integer({ min: 1, max: MAX_DRAFT_CHARS - 30 }), word, fc.boolean())
    .map(([u, n, w, before]) => (before ? `${w}${u.repeat(n)}` : `${u.repeat(n)}${w}`));
}

export type Kind =
  | 'runs'
  | 'unicode'
  | 'graphemes'
  | 'control'
  | 'right-to-left'
  | 'emoji'
  | 'zero-width'
  | 'look-alike'
  | 'post-like'
  | 'blank'
  | 'huge';

/** One arbitrary per kind of input, all driven by the catalogue's own phrases where words are needed. */
export function caseArbitraries(engine: Engine): Record<Kind, fc.Arbitrary<Case>> {
  const pieces = cataloguePieces(engine);
  const piece = fc.constantFrom(...pieces, ...FILLER);
  const spaced = (arb: fc.Arbitrary<string>) => fc.tuple(arb, fc.constantFrom(...SPACES, ...PUNCTUATION, ' ', ' ', ' ')).map(([a, b]) => a + b);
  const choices = fc.array(fc.nat({ max: 1000 }), { maxLength: 12 });
  const disguised = fc.tuple(piece, choices).map(([p, c]) => disguise(p, c));
  const withOptions = (kind: Kind, text: fc.Arbitrary<string>) =>
    fc.tuple(text, optionsArb).map(([t, options]): Case => ({ kind, text: t, options }));
  const postLike = joined(
    fc.oneof(
      { arbitrary: spaced(piece), weight: 8 },
      { arbitrary: spaced(disguised), weight: 2 },
      { arbitrary: fc.constantFrom(...EMOJI, ...PUNCTUATION, ...SPACES), weight: 2 },
    ),
    30,
  );
  return {
    unicode: withOptions('unicode', fc.string({ unit: anyUnit, maxLength: 200 })),
    graphemes: withOptions('graphemes', fc.string({ unit: 'grapheme', maxLength: 120 })),
    control: withOptions('control', joined(fc.oneof(fc.constantFrom(...CONTROL), spaced(piece)), 30)),
    'right-to-left': withOptions('right-to-left', joined(fc.oneof(fc.constantFrom(...RTL_WORDS, ...BIDI), spaced(piece)), 30)),
    emoji: withOptions('emoji', joined(fc.oneof(fc.constantFrom(...EMOJI), spaced(piece), fc.constantFrom('\u200D', '\uFE0F', '🏽')), 30)),
    'zero-width': withOptions('zero-width', joined(fc.oneof(fc.constantFrom(...ZERO_WIDTH), spaced(disguised), spaced(piece)), 25)),
    'look-alike': withOptions('look-alike', joined(spaced(disguised), 20)),
    'post-like': withOptions('post-like', postLike),
    blank: withOptions('blank', joined(fc.constantFrom(...SPACES, ...ZERO_WIDTH, ...BIDI, '.', '!', '-', '\u0000'), 40)),
    huge: withOptions('huge', huge(fc.oneof(postLike, fc.string({ unit: anyUnit, minLength: 1, maxLength: 40 })))),
    runs: withOptions('runs', runs()),
  };
}

/** All kinds mixed; drafts near the 40,000-character limit rarer (1 in 300), since each costs a hundred others. */
export function caseArbitrary(engine: Engine): fc.Arbitrary<Case> {
  const a = caseArbitraries(engine);
  return fc.oneof(
    { arbitrary: a.unicode, weight: 48 },
    { arbitrary: a.graphemes, weight: 24 },
    { arbitrary: a.control, weight: 24 },
    { arbitrary: a['right-to-left'], weight: 24 },
    { arbitrary: a.emoji, weight: 24 },
    { arbitrary: a['zero-width'], weight: 32 },
    { arbitrary: a['look-alike'], weight: 32 },
    { arbitrary: a['post-like'], weight: 80 },
    { arbitrary: a.blank, weight: 8 },
    { arbitrary: a.huge, weight: 1 },
    { arbitrary: a.runs, weight: 1 },
  );
}

/** Text safe to print in a report: escaped, and cut. */
export function preview(text: string, max = 300): string {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return `${shown} (${codePoints(text).toLocaleString('en-US')} characters)`;
}
