import { describe, expect, it } from 'vitest';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { profanityDetector } from '../../../src/engine/detectors/profanity.js';
import { build, postOf } from './detector-post.js';

// The options the catalogue's rule uses, in small: clinical words dropped, look-alikes allowed.
const detect = build(profanityDetector, {
  clinical: ['anal', 'anus', 'sex', 'ejaculate', 'spastic'],
  allow: ['analgesia', 'cum laude'],
  slurs: ['fag', 'retard'],
  names: ['dick'],
  prefer: ['fuck', 'shit', 'bitch', 'ass'],
  soften: { bullshit: 'nonsense', asshole: 'jerk' },
});

const run = (draft: string) => {
  const post = postOf(draft);
  return detect(post).map((c) => ({
    text: post.text.slice(c.start, c.end),
    word: c.evidence?.[0],
    severity: c.severity ?? 'rule',
    replacement: c.replacement,
  }));
};

describe('profanity detector', () => {
  it('finds dataset words, leetspeak and stretched letters, and covers the whole word', () => {
    expect(run('What a shitty week.')).toMatchObject([{ text: 'shitty', word: 'shit' }]);
    expect(run('Stop being a b!tch about it.')).toMatchObject([{ word: 'bitch' }]);
    expect(run('fuuuuck this pager')).toMatchObject([{ word: 'fuck' }]);
    expect(run('The policy is pure bullshit.')).toMatchObject([{ text: 'bullshit', replacement: 'nonsense' }]);
  });

  it('reads censored words against the same dataset, choosing the likeliest word', () => {
    expect(run('one f***ing retractor')).toMatchObject([{ text: 'f***ing', word: 'fuck', severity: 'rule' }]);
    expect(run('F*** opioids.')).toMatchObject([{ text: 'F***', word: 'fuck', severity: 'rule' }]);
    expect(run('this sh*t again')).toMatchObject([{ word: 'shit' }]);
    expect(run('bulls**t policy')).toMatchObject([{ text: 'bulls**t', replacement: 'nonsense' }]);
    expect(run('a**holes in the lot')).toMatchObject([{ word: 'ass' }]);
  });

  it('reports slurs as errors, censored or not', () => {
    expect(run('what a retard')).toMatchObject([{ severity: 'error' }]);
    expect(run('called him a f*g')).toMatchObject([{ word: 'fag', severity: 'error' }]);
  });

  it('leaves clinical vocabulary and look-alikes alone', () => {
    for (const draft of [
      'We check anal sphincter tone when cauda equina is suspected.',
      'Sexual dysfunction after spinal cord injury is common; sex can resume when comfortable.',
      'Retrograde ejaculation is a known risk of anterior lumbar surgery.',
      'Spastic gait and spasticity after myelopathy.',
      'Multimodal analgesia cut opioid use after fusion.',
      'She graduated summa cum laude.',
      'Coccyx pain after a fall usually settles.',
      'We assessed class attendance at the spine school.',
    ]) {
      expect(run(draft), draft).toEqual([]);
    }
  });

  it('skips a listed word written as a name, not as the word', () => {
    expect(run('Thanks to Dick Thompson, RN, for 30 years.')).toEqual([]);
    expect(run('Dr. Richard "Dick" Alvarez retires; thank you, Dick!')).toEqual([]);
    expect(run('What a dick move by the insurer.')).toHaveLength(1);
  });

  it('does not read masked names, footnote marks or hashtags as censored words', () => {
    expect(run('Mrs. S**** did great after her fusion.')).toEqual([]);
    expect(run('J*** S**** came by to say thanks.')).toEqual([]);
    expect(run('Fusion rates differed (p<0.05*).')).toEqual([]);
    expect(run('#spinesurgery #ortho')).toEqual([]);
  });

  it('is never stricter than obscenity itself: its prefilter lets every dataset match through', () => {
    const plain = build(profanityDetector, {});
    const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    const words = ['fuck', 'shit', 'bitch', 'asshole', 'cunt', 'dick', 'pussy', 'bastard', 'whore', 'slut', 'piss', 'twat', 'wank', 'boob', 'jizz', 'dildo', 'porn', 'turd', 'prick', 'bollocks', 'masturbate', 'gangbang', 'blowjob'];
    const leet: Record<string, string[]> = { a: ['@', '4'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['$', '5'], t: ['7'] };
    const drafts: string[] = [];
    for (const w of words) {
      const forms = [w, w.toUpperCase(), `${w}ing`, w.replace(/[aeiou]/g, (v) => v.repeat(3)), w.replace(/(.)/, '$1$1')];
      for (const [letter, stand] of Object.entries(leet)) for (const s of stand) forms.push(w.split(letter).join(s));
      for (const f of forms) drafts.push(f, `this is ${f}.`, `(${f})`);
    }
    const missed = drafts.filter((d) => matcher.getAllMatches(d).length > 0 && plain(postOf(d)).length === 0);
    expect(missed).toEqual([]);
  });
});

describe('profanity detector: reported words', () => {
  const reporting = build(profanityDetector, {
    slurs: ['retard'],
    prefer: ['bitch'],
    reported: ['\\b(?:called|slurs?|abuse)\\b'],
  });
  const words = (draft: string) => {
    const post = postOf(draft);
    return reporting(post).map((c) => post.text.slice(c.start, c.end));
  };

  it('drops a quoted word the post reports or condemns, and keeps the same word used outright', () => {
    expect(words('A visitor called our nurse a "retard". That slur has no place here.')).toEqual([]);
    expect(words('He called me a "bitch" and, honestly, what a bitch move.')).toEqual(['bitch']);
  });

  it('keeps a quoted word when nothing in the post reports it', () => {
    expect(words('Our motto this week: "what a bitch of a rota".')).toEqual(['bitch']);
  });
});
