import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchStarts, mayMatch, needsOf, pieceAnchors, startAnchors, wordAnchors } from '../../../src/engine/catalog/anchors.js';
import { matchesAt } from '../../../src/engine/detectors/pattern.js';
import { getEngine } from '../../../src/engine/index.js';
import { LetterRuns } from '../../../src/engine/letter-runs.js';
import { letterKey, WordStarts } from '../../../src/engine/word-starts.js';

const keysOf = (...prefixes: string[]) => prefixes.map(letterKey);

describe('wordAnchors', () => {
  it('names the word starts a pattern needs', () => {
    expect(wordAnchors('\\bswag\\b')).toEqual(keysOf('swag'));
    expect(wordAnchors('\\b(?:your|ur)\\s+(?:back|neck)')).toEqual(keysOf('your', 'ur'));
    expect(wordAnchors('(?<![\\p{L}\\p{N}_])(?:social[\\s-]+security|insurance)')).toEqual(keysOf('soci', 'insu'));
    // Not at a word start itself, but "of" must follow white space.
    expect(wordAnchors('chance\\s+of|possibility\\s+of')).toEqual(keysOf('of'));
    expect(wordAnchors('(?:[Tt]he|[Aa]n?)\\s+x')).toEqual(keysOf('x'));
    expect(wordAnchors("\\bcan't\\b")).toEqual(keysOf('can'));
  });

  it('names none where a letter run may sit inside a word', () => {
    for (const source of ['[a@4]+ss', 'swag', '(?<![a-z])pt', '\\Sabc', '[!-~]abc', '\\b(?:swag|[a-z]+ly)', '\\w+ing', '(?:x)?abc']) {
      expect(wordAnchors(source), source).toBeUndefined();
    }
  });
});

describe('pieceAnchors', () => {
  const pieces = (letters: string[], chars: string[] = []) => ({ letters: letters.map(letterKey), chars });

  it('names three letters in a row that every match holds, inside words too', () => {
    expect(pieceAnchors('organ|digest')).toEqual(pieces(['org', 'dig']));
    expect(pieceAnchors('h(?:appy\\s+ending|ot|orny)')).toEqual(pieces(['hap', 'hot', 'hor']));
    expect(pieceAnchors('\\bsw(?=a)ag')).toEqual(pieces(['swa']));
    expect(pieceAnchors('ab+cd')).toEqual(pieces(['bcd']));
  });

  it('falls back, branch by branch, to two letters in a row, then to a character that is no letter', () => {
    expect(pieceAnchors('organ|CT\\b|#\\s?1')).toEqual(pieces(['org', 'ct'], ['#']));
    expect(pieceAnchors('🍆|😏')).toEqual(pieces([], ['🍆', '😏']));
    expect(pieceAnchors('(?:is|are)\\s+x')).toEqual(pieces(['is', 'ar']));
  });

  it('names none when a branch may hold no such piece', () => {
    for (const source of ['organ|a\\s+b', 'a.b', 'é|xyz', '(?:x)?\\d', 'o\\w+n|abc', 'c?o+\\d']) {
      expect(pieceAnchors(source), source).toBeUndefined();
    }
  });
});

describe('LetterRuns', () => {
  it('records every two and three ASCII letters in a row, in any case, and no others', () => {
    const runs = new LetterRuns('Disorganised: ſcan, 5mg');
    for (const run of ['dis', 'org', 'sed', 'sca', 'can', 'di', 'mg', 'sc']) expect(runs.has(letterKey(run)), run).toBe(true);
    for (const run of ['dsc', 'gsc', 'xyz', 'dc', 'ds', 'gm']) expect(runs.has(letterKey(run)), run).toBe(false);
  });
});

describe('WordStarts', () => {
  it('records the first one to four letters of each run of ASCII letters, in any case', () => {
    const starts = new WordStarts('Swagger 5mg, can’t-stop ſtop');
    for (const prefix of ['s', 'sw', 'swa', 'swag', 'mg', 'can', 't', 'stop', 'sto']) expect(starts.has(letterKey(prefix)), prefix).toBe(true);
    for (const prefix of ['wag', 'agge', 'g', '5mg', 'ca’']) expect(starts.has(letterKey(prefix)), prefix).toBe(false);
  });
});

describe('mayMatch', () => {
  it('never turns down a text the pattern matches', () => {
    const patterns = [
      /organ|dig(?:est|it)/i,
      /CT\b|#\s?1|🍆/u,
      /h(?:ot|appy)\s+stop/iu,
      /\bswag\b/giu,
      /(?<!\w)(?:you|your|ur)\s+(?:back|neck)/giu,
      /(?<![\p{L}\p{N}_])(?:pt|patient)\s+in\s+\d/gu,
      /\b\d+\s*mg\b/gi,
      /(?:[Tt]he|[Aa]n?)\s+kid/gu,
      /\bcan't\s+stop/giu,
    ];
    const alphabet = fc.constantFrom(...'swagyouruback neck pt patient in 5 mg the a kid can\'t stop ſ K É-.,'.split(''), 'Swag', 'YOUR', 'Pt', 'neck', ' ', '\u017f', '\u212a', 'CT', 'ct', '#', '1', '🍆', 'organ', 'digit');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), fc.constantFrom(...patterns), (text, re) => {
        re.lastIndex = 0;
        if (re.test(text)) expect(mayMatch(re, text)).toBe(true);
        re.lastIndex = 0;
      }),
      { numRuns: 1000 },
    );
  });

  it('never turns down a catalogue pattern or post gate on a text it matches: every rule example against every one', () => {
    const engine = getEngine();
    const texts = engine.rules.flatMap((r) => [...r.spec.examples.flag, ...r.spec.examples.pass].map((e) => (typeof e === 'string' ? e : e.text)));
    const patterns = engine.rules.flatMap(({ spec, requiresPost, unlessPost }) => [
      ...(spec.detect.kind === 'pattern' ? spec.detect.patterns.map((source) => ({ id: spec.id, re: new RegExp(source, 'iu') })) : []),
      ...[...requiresPost, ...unlessPost].map((re) => ({ id: spec.id, re })),
    ]);
    let refused = 0;
    const wronglyRefused: string[] = [];
    for (const text of texts) {
      for (const { id, re } of patterns) {
        if (mayMatch(re, text)) continue;
        refused++;
        if (re.test(text)) wronglyRefused.push(`${id}: ${re} on "${text}"`);
      }
    }
    expect(wronglyRefused).toEqual([]);
    // The point of it: most patterns are turned down on most texts.
    expect(refused).toBeGreaterThan(texts.length * 100);
  });
});

describe('startAnchors and matchStarts', () => {
  it('name the word every match begins with, when nothing of the match comes before it', () => {
    expect(startAnchors('\\bswag\\b')).toEqual(keysOf('swag'));
    expect(startAnchors('(?=[ay])(?<!\\w)(?:your|ur)\\s+x')).toEqual(keysOf('your', 'ur'));
    expect(startAnchors('(?:\\bfoo|\\bbar)baz')).toEqual(keysOf('foo', 'bar'));
    for (const source of ['chance\\s+of', '\\b(?:the\\s+)?(?:foo|bar)', 'x?\\bfoo']) expect(startAnchors(source), source).toBeUndefined();
  });

  it('find, place by place, exactly the matches a scan of a long text finds', () => {
    const engine = getEngine();
    // Every example, twice over: long enough to be read by word position.
    const text = engine.rules
      .flatMap((r) => [...r.spec.examples.flag, ...r.spec.examples.pass].map((e) => (typeof e === 'string' ? e : e.text)))
      .join('\n\n')
      .repeat(2);
    const all = (re: RegExp) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
    let placed = 0;
    for (const { spec } of engine.rules) {
      if (spec.detect.kind !== 'pattern') continue;
      for (const source of spec.detect.patterns) {
        const re = new RegExp(source, 'giu');
        const places = matchStarts(needsOf(re), text);
        if (places === undefined) continue;
        placed++;
        expect([...matchesAt(re, text, places)].map((m) => `${m.index}:${m[0]}`), `${spec.id}: ${source}`).toEqual(all(re));
      }
    }
    expect(placed).toBeGreaterThan(100);
  });
});
