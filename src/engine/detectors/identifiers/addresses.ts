/**
 * Whom a post speaks to: "Hi Ana!", "Thanks, Mr. Ruiz", "Replying to Karen
 * B.:", "Linda, glad ...", "J.T. — I know ...", "..., Big Gary 😂", "review
 * Brandon!!!", "@kim it was a pleasure ...". A person addressed about their
 * own care is confirmed as a patient (C5), and their name is the patient's.
 */
import type { Address, SentenceFacts } from './context.js';
import { CAP_WORD, HONORIFIC, type Patterns } from './patterns.js';
import { matches, overlapChecker } from './scan.js';
import { handleShaped, isNameWord, isNickname, mayBeName, wordKind } from './words.js';
import { tuned } from '../../catalog/tune.js';

/** People the post speaks to: "Hi Ana!", "Linda, glad ...", "..., Big Gary 😂", "@kim it was ...". */
export function findAddresses(
  text: string,
  sentences: readonly SentenceFacts[],
  facts: (pos: number) => SentenceFacts,
  patterns: Patterns,
): Address[] {
  const out: Address[] = [];
  const taken = overlapChecker(text.length, out);
  const careAt = (pos: number) => facts(pos).secondPersonCare.length > 0;
  // Greetings are found case-free, then the name after each is matched with its case.
  const g = patterns.greeting;
  const named = patterns.greetedName;
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    named.lastIndex = g.lastIndex;
    const n = named.exec(text);
    const nameText = n?.[1];
    if (!nameText || !addressable(nameText, true)) continue;
    out.push({ start: g.lastIndex, end: g.lastIndex + nameText.length, form: 'greeting', greeting: (m[1] ?? '').toLowerCase() });
  }
  for (const s of sentences) {
    // A little past the sentence's end: "J.T. — I know" may have been split after the initials.
    const opening = OPENING.exec(text.slice(s.span.start, Math.min(text.length, s.span.end + 4)));
    const nameText = opening?.[1] ?? opening?.[2];
    if (!nameText || taken(s.span.start, s.span.start + 1)) continue;
    // "Mrs. Lind, 96, walked out", "Ana Ruiz, whose fusion ...": the name is the subject, not someone spoken to.
    if (/^\s*,\s*(?:\d{1,3}\s*,|who\b|whose\b|whom\b)/i.test(text.slice(s.span.start + nameText.length, s.span.start + nameText.length + 12))) continue;
    const vocative = wordNameAddressed(nameText, text.slice(s.span.start + nameText.length, s.span.start + nameText.length + 12));
    if (!vocative && !addressable(nameText, careAt(s.span.start) || careAt(s.span.end + 2))) continue;
    out.push({ start: s.span.start, end: s.span.start + nameText.length, form: 'opening' });
  }
  // "Thx for the review Brandon!!!": a known first name called out, in a reply about someone's care.
  if (sentences.some((f) => f.secondPersonCare.length > 0)) {
    for (const m of matches(EXCLAIMED, text)) {
      const nameText = m[1] ?? '';
      if (wordKind(nameText) !== 'first-name' || taken(m.index, m.index + nameText.length)) continue;
      out.push({ start: m.index, end: m.index + nameText.length, form: 'closing' });
    }
  }
  // "Sorry you feel that way, Gary, but ...": a known first name set off by commas inside a reply about the person's care.
  if (sentences.some((f) => f.secondPersonCare.length > 0)) {
    for (const m of matches(MIDDLE, text)) {
      const nameText = m[1] ?? '';
      const start = m.index + m[0].indexOf(nameText, 1);
      if (taken(start, start + 1) || !careAt(start) || !spokenName(nameText.split(/\s+/)[0] as string)) continue;
      out.push({ start, end: start + nameText.length, form: 'closing' });
    }
  }
  // "Go to hell @paula_k, our records show ...": a handle set off from what follows is spoken to wherever it stands,
  // so removing the words before it (as the rewrite may) does not change who the reply addresses.
  if (sentences.some((f) => f.secondPersonCare.length > 0)) {
    for (const m of matches(SET_OFF_HANDLE, text)) {
      const handle = m[1] ?? '';
      const start = m.index + m[0].indexOf('@');
      if (taken(start, start + 1) || !careAt(start) || !handleShaped(handle)) continue;
      out.push({ start, end: start + handle.length, form: 'opening' });
    }
  }
  CLOSING.lastIndex = 0;
  for (const m of matches(CLOSING, text)) {
    const nameText = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].indexOf(nameText, 1);
    // "..., Kyle R. (DOB" is a name with an initial, not someone spoken to.
    if (/\s\p{Lu}$/u.test(nameText) || taken(start, start + 1)) continue;
    if (!addressable(nameText, careAt(start))) continue;
    out.push({ start, end: start + nameText.length, form: 'closing' });
  }
  return out.sort((a, b) => a.start - b.start);
}

const NAME = `(?:${HONORIFIC}(?:\\.\\s*|\\s+)(?:${CAP_WORD}|\\p{Ll}{3,})|\\p{Lu}\\.\\s?\\p{Lu}\\.(?:\\s?\\p{Lu}\\.)?|${CAP_WORD}(?:\\s+${CAP_WORD})?|@[A-Za-z0-9_.]{2,30})`;
// "Linda, glad ...", "J.T. — I know ...", "@kim it was a pleasure ...".
const OPENING = new RegExp(`^(${NAME})\\s*(?:,|!|—|–|\\s-)\\s|^(@[A-Za-z0-9_.]{2,30})\\s+(?=\\p{Ll})`, 'u');
const EXCLAIMED = tuned(new RegExp(`(?<![\\p{L}\\p{N}_@#.])(${CAP_WORD})(?=\\s*!)`, 'gu'));
// ", Gary, but as you know": a name between commas, the clause going on to speak to the person.
const MIDDLE = tuned(new RegExp(`,\\s+(${CAP_WORD}(?:\\s+\\p{Lu}\\.)?),\\s+(?=(?:but|and|so|as|you|your|we|I|i|please|thanks|thank)\\b)`, 'gu'));
// A handle followed by a comma, or by the reply turning to the person ("@kim we hear you", "@kim sorry ...").
const SET_OFF_HANDLE = tuned(
  new RegExp(`(?<=[\\s(\\[{"'“‘])(@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?:\\s*,|\\s+(?=(?:we|we're|we've|you|you're|you've|your|i|i'm|sorry|thanks|thank|glad|it\\s+was)\\b))`, 'giu'),
);
// "..., Big Gary 😂" at the end of a sentence.
const CLOSING = tuned(new RegExp(`,\\s+(${NAME})(?=\\s*(?:[!.?]|\\p{Extended_Pictographic}|\\s#|$))`, 'gmu'));

/**
 * A word group that can be a person's name when it is spoken to: a handle,
 * initials, an honorific name, a nickname, or known names. A word unknown to
 * the dictionary counts only after a greeting or when the sentence speaks of
 * the person's care ("Tomasz, your scans look great").
 */
function addressable(name: string, lenient: boolean): boolean {
  if (name.startsWith('@')) return handleShaped(name);
  if (/^\p{Lu}\.\s?\p{Lu}\./u.test(name)) return !COMMON_INITIALS.test(name.replace(/\s/g, ''));
  const words = name.replace(/^(?:mrs|mr|ms|miss|mx|mister)\.?\s+/i, '').split(/\s+/);
  if (words.length < name.split(/\s+/).length || isNickname(words)) return true;
  if (words.some((w) => GREETING_WORD.test(w))) return false;
  const bare = words.map((w) => w.replace(/['’]s$/, ''));
  if (bare.every((w) => isNameWord(w))) return true;
  return lenient && bare.every((w) => mayBeName(w));
}

// "Hi, Hiya", "Thanks, hello": a second greeting (the rewrite's "Hi" before one) is no one's name.
const GREETING_WORD = /^(?:hi|hiya|heya|hey|hello|howdy|hola|yo|greetings|cheers|thanks|thx|ty|congrats|bravo|hugs)$/i;

/** A first name, or a word unknown to the dictionary that may be one ("Priya"); not "Doc" or "mate". */
function spokenName(word: string): boolean {
  if (GREETING_WORD.test(word)) return false;
  const kind = wordKind(word);
  return kind === 'first-name' || (kind === 'unknown' && mayBeName(word));
}

// Ordinary words that are also given names: only a vocative frame ("Hope, you did the hard work") makes them one.
const WORD_NAMES = new Set(
  'hope grace joy faith rose summer autumn dawn ivy holly ruby pearl amber crystal iris jade olive hunter mason chase drew will mark bill frank rob pat sue ray max jack sandy rusty rocky sky skye destiny harmony patience charity mercy melody sunny misty heather daisy poppy lily violet willow hazel sage river brook brooke robin wren june april may august earl duke sterling cliff glen dale lane reed wade clay gene art penny goldie bunny dot'.split(' '),
);
// "Hope, you did it", "Grace - you crushed it", "Will, your scans": the sentence goes on to speak to the person.
const WORD_NAME_VOCATIVE = tuned(/^\s*(?:,|!|—|–|\s-)\s*(?:you|you've|you're|youre|your|u|ur)\b/iu);

/** An ordinary word that is also a given name, spoken to at the start of a sentence: "Hope, you did the hard work." */
export function wordNameAddressed(name: string, after: string): boolean {
  return WORD_NAMES.has(name.toLowerCase()) && WORD_NAME_VOCATIVE.test(after);
}

export const COMMON_INITIALS = /^(?:U\.S\.|U\.K\.|A\.M\.|P\.M\.|M\.D\.|D\.O\.|R\.N\.|P\.T\.|N\.P\.|P\.A\.|B\.S\.|M\.S\.|E\.R\.|O\.R\.|I\.V\.|D\.C\.|L\.A\.|N\.Y\.|E\.G\.|I\.E\.|Q\.A\.|R\.I\.P\.|P\.S\.|F\.Y\.I\.|A\.K\.A\.)$/;

