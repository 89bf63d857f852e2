/**
 * Undisclosed material connections (FTC 16 CFR 255.5): a product, device,
 * company or course named favourably, with no clear disclosure in the post.
 *
 * - A named brand in a praising sentence (or praised as "it"/"this" right
 *   after being named) is a warning: the author may have a connection to
 *   disclose.
 * - A named brand or product together with a sign of a connection (free kits,
 *   paid travel, design work, a discount code, "link in bio") is an error.
 * - Any clear disclosure ("#ad", "paid partnership", "Disclosure: I consult
 *   for X", "they sent me this for free") in the post settles it. "sp",
 *   "spon", "collab", "thanks" and "#ambassador" do not (FTC).
 *
 * Brands are found by shape, case-sensitively: a listed brand, a CamelCase
 * name ("RegenaDisc"), a name with ® or ™, or a capitalised name right before
 * a kind of product ("the Axion robotic navigation platform").
 */
import { z } from 'zod';
import { compilePhrases } from './phrases.js';
import type { Term } from '../catalog/schema.js';
import { CatalogError } from '../catalog/errors.js';
import type { Candidate, Detector, DetectorFactory, DetectorSetup, Post } from './types.js';
import { wordKind } from './identifiers/words.js';
import { tuned } from '../catalog/tune.js';
import { hasMatch, mayMatch } from '../catalog/anchors.js';

const OptionsSchema = z
  .object({
    praise: z.array(z.string().min(1)).min(1),
    products: z.array(z.string().min(1)).min(1),
    brands: z.array(z.string().min(1)).min(1),
    connections: z.array(z.string().min(1)).min(1),
    disclosures: z.array(z.string().min(1)).min(1),
    /** Appended to the praising sentence; `{brand}` is the name found, or "this company". */
    disclosure: z.string().min(1),
  })
  .strict();

interface Brand {
  name: string;
  start: number;
  end: number;
}

// Phrases with praise words that praise nothing.
// A pain score ("rates his back pain 10/10") is a rating of pain, not of a product.
const NOT_PRAISE =
  tuned(/\b(?:best (?:of luck|wishes|practices?|evidence|available|regards|part)|all the best|at best|check out (?:our|my) (?:talk|poster|paper|website|blog)|recommend(?:ed|s|ing)? (?:that|against|talking|seeing|you see|you talk))\b|\b(?:pain|rat(?:e|es|ed|ing)|scale|score[sd]?)\b[^.!?\n]{0,12}\b10\/10|\b10\/10\s+(?:pain|on the pain)\b/iu);
const DISCOUNT = /\b\d{1,2}\s?%\s?off\b|\bcode\s+[A-Z0-9]{3,}\s+(?:for|to get|gets you)\b/u;
// Selling words: with any product named, they show a commercial tie even when no brand is named.
const COMMERCIAL = tuned(/\b(?:use (?:my )?code|discount code|promo code|coupon code|affiliate|my link|shop my)\b|\b\d{1,2}\s?%\s?off\b/iu);
const CAMEL = /(?<![#@\w])[A-Z][a-z]+[A-Z][A-Za-z]*(?:\s?[®™])?/gu;
const MARKED = /(?<![#@\w])[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\s?[®™]/gu;
// "the Axion robotic navigation platform", "with Corvex 3D navigation": article, capitalised name, up to two
// lower-case words or model numbers, product noun.
const NAMED_BEFORE_NOUN = (nouns: string) =>
  tuned(new RegExp(
    `\\b(?:[Tt]he|[Mm]y|[Oo]ur|[Tt]his|[Tt]heir|his|her|[Aa]n?|[Nn]ew|[Ww]ith|[Uu]sing)\\s+((?:[A-Z][\\w-]*[a-z][\\w-]*)(?:\\s+[A-Z][\\w-]*)?)\\s+(?:[a-z0-9][\\w-]*\\s+){0,2}?${nouns}`,
    'gu',
  ));
// Names of places of care and of the platforms people post on are not brands being endorsed.
const NOT_A_BRAND =
  /^(?:Mc|Mac)[A-Z]|\b(?:Health|Healthcare|Hospital|Medical|Clinic|University|College|Institute|Center|Centre|School|Society|Association|Academy|Foundation|Department|Journal|Spine Center|YouTube|TikTok|LinkedIn|WhatsApp|PowerPoint|MyChart|FaceTim(?:e|es|ed|ing)|SharePoint|PubMed|ResearchGate|OrthoTwitter|MedTwitter|NeurosurgeryTwitter|SpineTwitter|GoFundMe|Dr|Mr|Mrs|Ms|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter)\b/u;
// "they sent me this Theragun for free": a free-product disclosure with the product named inside it.
const FREE_PRODUCT_DISCLOSED =
  tuned(/\b(?:sent|gave|gifted|given)\s+(?:me|us|to me|to us)\b[^.!?\n]{0,40}?\bfor free\b|\b(?:was|were)\s+(?:sent|given|gifted)\b[^.!?\n]{0,40}?\bfor free\b/iu);
// "the Orvana team": names the company once a connection is plain, but is no brand by itself (it may be a hospital).
const TEAM_OF = /\b(?:the|with|to|from)\s+([A-Z][a-z][\w-]*)\s+(?:team|folks|crew|people|reps?)\b/u;
// Signs of a connection whose words vary too much for a list: paid travel ("flown out to Lisbon by"),
// gifts ("courtesy of", "PR package"), a stake hinted at ("my little side project"), a partnership.
const CONNECTION_SHAPES =
  tuned(/\b(?:flown|flew|jetted|whisked|invited)\s+(?:(?:out|over|in|down|up)\s+)?(?:to\s+[\p{L}-]+\s+)?(?:for\s+[\w\s-]{1,30}?\s+)?by\s+(?:the\s+)?\p{Lu}|(?<!\b(?:photos?|pics?|pictures?|images?|videos?|footage|graphics?|art(?:work)?|illustrations?|credit|cover|slides?)\s+)\bcourtesy of\b|\b(?:gifted|comped|provided|supplied|hosted|sponsored|covered|paid for)\s+by\b|\bpr\s+(?:package|box|kit|parcel|haul|mailer)\b|\bon\s+(?:their|the company'?s|\p{Lu}[\p{L}-]+'?s)\s+(?:dime|tab)\b|\bfreebies?\b|\bgoodie bags?\b|\bswag\b|\b(?:my|our)\s+(?:little\s+|latest\s+|new\s+)?(?:side[\s-](?:project|hustle|gig|business)|baby|startup|start-up|venture)\b|\b(?:ambassador|ambassadors|ambassadorship)\b|\b(?:partnered|teamed up|collaborating|collabing)\s+with\b|\bproud(?:ly)?\s+(?:to\s+)?partner(?:ing|ed)?\s+with\b|\bkickbacks?\b|\b(?:thanks?|thank you|grateful|cheers|shout-?out|hat tip)\b[^.!?\n]{0,40}?\b(?:for|to)\s+(?:the\s+|an?\s+|this\s+|that\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:dinner|lunch|meal|drinks|night|evening|party|outing|trip|week|weekend|getaway|summit|retreat|hospitality|stay|golf|cruise|gala|junket|tickets)\b|\bsave\s+(?:up to\s+)?\d{1,2}\s?(?:%|percent)|\b(?:collab|spon|sp)\s*$/iu);
// "courtesy of Medronix", "gifted by the folks at Restora", "a Kinexa ambassador": the company named where the tie is.
const NAMED_AT_TIE =
  tuned(/(?<!\b(?:photos?|pics?|pictures?|images?|videos?|footage|graphics?|credit)\s+courtesy\s)\b(?:courtesy of|by|from|with|at|for|to|of)\s+(?:the\s+)?(?:(?:folks|team|people|crew|gang|lovely people)\s+(?:at|from)\s+)?(\p{Lu}[\p{Ll}][\p{L}-]*)|(?<![.!?]\s|^)\b(\p{Lu}[\p{Ll}][\p{L}-]*)\s+(?:brand\s+)?ambassadors?\b/gu);
// "my free Backrite chair": a free product of a named brand.
const FREE_NAMED = /\b(?:free|complimentary|gifted)\s+(?:new\s+)?(\p{Lu}[\p{Ll}][\p{L}-]*)\b/u;
const HANDLE = /(?<![\w@])@((?!(?:Dr|Doc|Prof|Mr|Mrs|Ms|Nurse|Physio)[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]*)\b/u;
// "our internal system": what the rewrite calls an internal address (security.internal-link). A practice's own systems
// are no product it promotes.
const OWN_SYSTEMS = tuned(/\binternal\s+(?:systems?|platforms?)\b/giu);
const PRONOUN = tuned(/\b(?:it|it's|this|these|they|them|their|its)\b/iu);

function termsOf(setup: DetectorSetup, names: readonly string[]): Term[] {
  return names.flatMap((name) => {
    const list = setup.lists.get(name);
    if (!list) throw new CatalogError(`lists/${name}.yml`, setup.ruleId, 'detect.options', 'word list is missing');
    return list.terms;
  });
}

function globalPhrases(setup: DetectorSetup, names: readonly string[]): RegExp {
  return compilePhrases(termsOf(setup, names)).pattern;
}

export const disclosureDetector: DetectorFactory = (setup) => {
  const options = OptionsSchema.parse(setup.options);
  const praise = globalPhrases(setup, options.praise);
  const products = globalPhrases(setup, options.products);
  const listedBrands = globalPhrases(setup, options.brands);
  const connections = globalPhrases(setup, options.connections);
  const disclosed = tuned(new RegExp(globalPhrases(setup, options.disclosures).source, 'iu'));
  const namedBeforeNoun = NAMED_BEFORE_NOUN(products.source);
  const hasPraise = tuned(new RegExp(praise.source, 'iu'));
  const hasConnection = tuned(new RegExp(connections.source, 'iu'));
  const hasProduct = tuned(new RegExp(products.source, 'iu'));
  const namesProduct = (s: string): boolean => hasProduct.test(s.replace(OWN_SYSTEMS, ''));

  const brandsIn = (text: string): Brand[] => {
    const found: Brand[] = [];
    const add = (name: string, start: number) => {
      const clean = name.replace(/\s?[®™]$/u, '').trim();
      if (NOT_A_BRAND.test(clean)) return;
      if (found.some((b) => start < b.end && start + name.length > b.start)) return;
      found.push({ name: clean, start, end: start + name.length });
    };
    for (const re of [listedBrands, CAMEL, MARKED]) {
      if (!mayMatch(re, text)) continue;
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        if (re === listedBrands && /\bdr\.?\s*$/i.test(text.slice(Math.max(0, (m.index ?? 0) - 4), m.index))) continue;
        // "GettINg", "PeopLE": an everyday word typed in random capitals (mocking, shouting) has a CamelCase shape but names nothing.
        if (re === CAMEL && wordKind(m[0]) === 'common') continue;
        add(m[0], m.index ?? 0);
      }
    }
    namedBeforeNoun.lastIndex = 0;
    for (const m of text.matchAll(namedBeforeNoun)) {
      const name = m[1] ?? '';
      add(name, (m.index ?? 0) + m[0].indexOf(name));
    }
    return found.sort((a, b) => a.start - b.start);
  };

  const detect: Detector = (post) => {
    const text = post.text;
    const praised = hasMatch(hasPraise, text);
    const connected =
      hasMatch(hasConnection, text) || hasMatch(DISCOUNT, text) || hasMatch(CONNECTION_SHAPES, text) || freeNamed(text) !== undefined;
    if (!praised && !connected) return [];
    if (hasMatch(disclosed, text) || hasMatch(FREE_PRODUCT_DISCLOSED, text)) return [];
    const brands = brandsIn(text);
    // A company's own handle ("@AxoniqNeuro") names it once a tie is shown; a colleague's handle praised alone does not.
    if (connected && brands.length === 0) {
      const handle = HANDLE.exec(text);
      if (handle?.[1]) brands.push({ name: handle[1], start: handle.index + 1, end: handle.index + handle[0].length });
    }
    const praiseAt = praiseSentences(post, praise);
    let target: { start: number; end: number } | undefined;
    let brand: Brand | undefined;
    // Praise comes in text order, and brands do not overlap: `passed` counts the brands that end
    // before the sentence, so a long draft full of praise is read once, not once per praise word.
    let passed = 0;
    let lastSentence = -1;
    for (const p of praiseAt) {
      const sentence = post.structure.sentenceAt(p.start);
      // Later praise in a sentence that did not count cannot count either.
      if (sentence.start === lastSentence) continue;
      lastSentence = sentence.start;
      while (passed < brands.length && (brands[passed] as Brand).end <= sentence.start) passed++;
      // The first brand inside the sentence: the next one, or the one after it when the next straddles the sentence's start.
      const straddles = (brands[passed]?.start ?? Infinity) < sentence.start;
      const next = brands[straddles ? passed + 1 : passed];
      const inSentence = next !== undefined && next.end <= sentence.end ? next : undefined;
      const before = passed > 0 ? brands[passed - 1] : undefined;
      const body = text.slice(sentence.start, sentence.end);
      const saysIt = before !== undefined && PRONOUN.test(body);
      const named = inSentence ?? (saysIt ? before : undefined);
      if (named || (connected && namesProduct(body))) {
        target = p;
        brand = named;
        break;
      }
    }
    let severity: 'error' | 'warning' = 'warning';
    const selling = COMMERCIAL.test(text) && namesProduct(text);
    // A company known only from where the tie is shown ("courtesy of X", "the X team") counts when a product is praised or named.
    const tiedName = namesProduct(text) && (namedAtTie(text) !== undefined || teamName(text) !== undefined);
    if (connected && (brands.length > 0 || target || selling || tiedName)) {
      severity = 'error';
      brand ??= brands[0] ?? teamName(text) ?? namedAtTie(text);
      if (!target) {
        const where = brand ?? firstMatch(text, products) ?? firstMatch(text, connections) ?? firstMatch(text, DISCOUNT);
        if (!where) return [];
        const s = post.structure.sentenceAt(where.start);
        target = { start: s.start, end: s.end };
      }
    }
    if (!target) return [];
    const replacement = `$0 ${options.disclosure.replace('{brand}', brand?.name ?? 'this company')}`;
    const candidate: Candidate = {
      start: target.start,
      end: target.end,
      severity,
      replacement,
      evidence: [brand ? `names ${brand.name}` : 'names a product', connected ? 'signs of a material connection' : 'praise'],
    };
    return [candidate];
  };
  return detect;
};

function teamName(text: string): Brand | undefined {
  const m = TEAM_OF.exec(text);
  const name = m?.[1];
  if (!m || !name || NOT_A_BRAND.test(name)) return undefined;
  const start = m.index + m[0].indexOf(name);
  return { name, start, end: start + name.length };
}

/** A company named where the tie is shown, when the name is no word, name or place the dictionary knows. */
function namedAtTie(text: string): Brand | undefined {
  NAMED_AT_TIE.lastIndex = 0;
  for (const m of text.slice(0, 4000).matchAll(NAMED_AT_TIE)) {
    const name = m[1] ?? m[2] ?? '';
    if (!name || NOT_A_BRAND.test(name) || wordKind(name) !== 'unknown') continue;
    const start = (m.index ?? 0) + m[0].indexOf(name);
    return { name, start, end: start + name.length };
  }
  return freeNamed(text);
}

function freeNamed(text: string): Brand | undefined {
  const free = FREE_NAMED.exec(text);
  const name = free?.[1];
  if (!free || !name || NOT_A_BRAND.test(name) || wordKind(name) !== 'unknown') return undefined;
  const start = free.index + free[0].indexOf(name);
  return { name, start, end: start + name.length };
}

function praiseSentences(post: Post, praise: RegExp): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  praise.lastIndex = 0;
  for (const m of post.text.matchAll(praise)) {
    const start = m.index ?? 0;
    const s = post.structure.sentenceAt(start);
    if (NOT_PRAISE.test(post.text.slice(Math.max(s.start, start - 12), Math.min(s.end, start + 40)))) continue;
    out.push({ start, end: start + m[0].length });
  }
  return out;
}

function firstMatch(text: string, re: RegExp): { start: number; end: number } | undefined {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}
