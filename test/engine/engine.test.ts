/** The engine's pipeline on a small catalogue of its own, independent of rules/. */
import { describe, expect, it } from 'vitest';
import { createEngine, DraftError, parseCatalog, readCatalogFiles, type SourceFile } from '../../src/engine/index.js';

const base = readCatalogFiles().filter((f) => f.path === 'practices.yml' || f.path.startsWith('lists/'));

const examples = `    examples:
      flag: [a, b, c]
      pass: [d, e, f]
`;

const files: SourceFile[] = [
  ...base,
  {
    path: 'spine-care.yml',
    content: `theme: spine-care
rules:
  - id: spine-care.promise
    practice: SC1
    severity: error
    message: promise
    why: why
    span: sentence
    detect: { kind: phrases, phrases: [guaranteed] }
    suggestion: { replace: Results vary from person to person. }
${examples}
  - id: spine-care.words
    practice: SC3
    severity: warning
    message: words
    why: why
    detect: { kind: phrases, phrases: [{ term: slipped disc, replace: disc herniation }] }
    suggestion: { replace: $0 }
${examples}
  - id: spine-care.hedgeable
    practice: SC2
    severity: warning
    message: claim
    why: why
    context: { hedged: skip }
    detect: { kind: pattern, patterns: ['cures? (\\w+)'] }
    suggestion: { replace: 'may help with $1' }
${examples}
`,
  },
  {
    path: 'security.yml',
    content: `theme: security
rules:
  - id: security.code
    practice: S1
    severity: error
    message: code
    why: why
    sensitive: secret
    detect: { kind: pattern, patterns: ['\\bcode is \\d{4}\\b'] }
    context: { requiresPost: ['door|gate'] }
    suggestion: { replace: '' }
${examples}
  - id: security.phishing
    practice: S7
    severity: error
    message: phishing
    why: why
    span: sentence
    detect: { kind: phrases, phrases: [will be deactivated] }
    suggestion: { replace: '' }
${examples}
`,
  },
];

const engine = createEngine(parseCatalog(files));

describe('review', () => {
  it('reports spans into the original text even when matching ran on a folded copy', () => {
    const text = '💪 Your ѕlipped\u200B disc heals.';
    const [f] = engine.review(text).findings;
    expect(f?.rule).toBe('spine-care.words');
    expect(text.slice(f?.start, f?.end)).toBe(f?.text);
    expect(f?.text).toBe('ѕlipped\u200B disc');
    expect(f?.suggestion).toBe('disc herniation');
  });

  it('skips negated and quoted matches', () => {
    expect(engine.review('We never call it a slipped disc.').findings).toEqual([]);
    expect(engine.review('People say "slipped disc" a lot.').findings).toEqual([]);
    expect(engine.review('That slipped disc will heal.').findings).toHaveLength(1);
  });

  it('reads "no." before a number as "number", not a negation', () => {
    expect(engine.review('Case no. 12 is a slipped disc.').findings.map((f) => f.rule)).toEqual(['spine-care.words']);
    expect(engine.review('Voted No. 1 for fixing a slipped disc.').findings.map((f) => f.rule)).toEqual(['spine-care.words']);
  });

  it('ends a negation at an em dash typed with no space around it', () => {
    expect(engine.review('We never argue\u2014your slipped disc will heal.').findings.map((f) => f.rule)).toEqual(['spine-care.words']);
    expect(engine.review('We never argue, your slipped disc will heal.').findings.map((f) => f.rule)).toEqual(['spine-care.words']);
  });

  it('rewrites a sentence without taking one quotation mark of a pair that runs past it', () => {
    const text = 'Guaranteed relief, she said "walk daily. Rest never cured a slipped disc" and smiled.';
    const review = engine.review(text);
    expect(review.findings.map((f) => f.text)).toEqual(['Guaranteed relief, she said']);
    // The quotation is left whole, so what it quotes stays quoted.
    expect(review.rewrite).toBe('Results vary from person to person. "walk daily. Rest never cured a slipped disc" and smiled.');
  });

  it('keeps the disclosure tags of a sentence a suggestion replaces or removes', () => {
    const removed = engine.review('Your account will be deactivated unless you log in today (#ad). The brace is great.');
    expect(removed.findings.map((f) => [f.rule, f.suggestion])).toEqual([['security.phishing', '#ad']]);
    expect(removed.rewrite).toBe('#ad The brace is great.');
    const replaced = engine.review('This is guaranteed to fix your back #sponsored #spine. More soon.');
    expect(replaced.rewrite).toBe('Results vary from person to person. #sponsored More soon.');
    // Whole tags of the disclosures list only.
    expect(engine.review('Your account will be deactivated today #adhd #bad [ad hoc]. Bye.').rewrite).toBe('Bye.');
  });

  it('skips hedged matches for rules that ask for it', () => {
    expect(engine.review('This cures sciatica.').findings.map((f) => f.suggestion)).toEqual(['may help with sciatica']);
    expect(engine.review('For some people this cures sciatica.').findings).toEqual([]);
  });

  it('applies requiresPost and marks sensitive findings', () => {
    expect(engine.review('The code is 4729.').findings).toEqual([]);
    const [f] = engine.review('Door code is 4729.').findings;
    expect(f?.sensitive).toBe('secret');
  });

  it('merges overlapping findings of one theme into one, keeping every edit in its suggestion', () => {
    const text = 'Guaranteed relief for your slipped disc. Walk daily.';
    const review = engine.review(text);
    expect(review.findings).toHaveLength(1);
    const [f] = review.findings;
    expect(f?.rule).toBe('spine-care.promise');
    expect(f?.text).toBe('Guaranteed relief for your slipped disc.');
    expect(review.rewrite).toBe('Results vary from person to person. Walk daily.');
  });

  it('sorts findings by position and builds the rewrite from every suggestion', () => {
    const text = 'The door code is 4729. Your slipped disc heals.';
    const review = engine.review(text);
    expect(review.findings.map((f) => f.rule)).toEqual(['security.code', 'spine-care.words']);
    expect(review.rewrite).toBe('The door. Your disc herniation heals.');
  });

  it('keeps the case shape of what a suggestion replaces', () => {
    expect(engine.review('Slipped disc again.').rewrite).toBe('Disc herniation again.');
  });

  it('restricts a review to the themes asked for', () => {
    const text = 'The door code is 4729. Your slipped disc heals.';
    expect(engine.review(text, { themes: ['security'] }).findings.map((f) => f.theme)).toEqual(['security']);
  });

  it('refuses empty, blank and over-long drafts with a DraftError', () => {
    for (const bad of ['', '   \n', '\u200B\u200B', '...', 'a'.repeat(40_001)]) {
      expect(() => engine.review(bad)).toThrow(DraftError);
    }
    expect(() => engine.review('é'.repeat(40_000))).not.toThrow();
  });

  it('gives the same review for the same input', () => {
    const text = 'Door code is 4729 and your slipped disc is guaranteed to heal.';
    expect(engine.review(text)).toEqual(engine.review(text));
  });
});
