/**
 * Profanity from obscenity's maintained English dataset (with its
 * transformers for leetspeak and repeated letters), so the list is not ours
 * to type and keep.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import type { Candidate, Detector, DetectorFactory } from './types.js';

let matcher: RegExpMatcher | undefined;

function getMatcher(): RegExpMatcher {
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return matcher;
}

export const profanityDetector: DetectorFactory = () => {
  const detect: Detector = (post) => {
    const found: Candidate[] = [];
    for (const m of getMatcher().getAllMatches(post.text, true)) {
      found.push({ start: m.startIndex, end: m.endIndex + 1 });
    }
    return found;
  };
  return detect;
};
