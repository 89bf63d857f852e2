/**
 * API keys, access tokens and private keys: the well-known shapes providers
 * give their credentials (AWS AKIA…, GitHub ghp_…, Slack xox…, Stripe and
 * OpenAI sk-…, Google AIza…, JWTs, PEM private keys), and any long
 * random-looking string within a few words of "key", "token" or "secret".
 * Shapes are case-sensitive, which is why this is code and not a pattern rule
 * (rule patterns match case-insensitively).
 */
import { z } from 'zod';
import { isHighEntropyToken, tokensWithin } from './secret-shapes.js';
import type { Candidate, Detector, DetectorFactory } from './types.js';

const OptionsSchema = z
  .object({
    /** How many words may stand between "key"/"token"/"secret" and a random-looking value. */
    gap: z.number().int().min(0).max(8).default(4),
  })
  .strict();

const SHAPES: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\bhooks\.slack\.com\/services\/[A-Za-z0-9/]{20,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}/g,
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g,
  /\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/g,
];

// How far after "key" or "token" a value is looked for, in characters: gap + 1 tokens of the longest key.
const VALUE_REACH = 5000;
const PREFILTER = /AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack|eyJ|k_live_|k_test_|sk-|AIza|SG\.|npm_|PRIVATE KEY|Bearer|key|token|secret/i;
const LABEL = /\b(?:api|access|auth|bearer|client|secret|private|staging|prod(?:uction)?|dev|test|webhook|app)?[\s_-]?(?:key|token|secret)s?\b/gi;

export const tokensDetector: DetectorFactory = (setup) => {
  const { gap } = OptionsSchema.parse(setup.options);
  const detect: Detector = (post) => {
    const text = post.text;
    if (!PREFILTER.test(text)) return [];
    const found: Candidate[] = [];
    const add = (start: number, end: number, evidence: string) => {
      if (found.some((c) => start < c.end && end > c.start)) return;
      found.push({ start, end, evidence: [evidence], sensitive: 'secret', contextChecked: true });
    };
    for (const re of SHAPES) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) add(m.index ?? 0, (m.index ?? 0) + m[0].length, 'known key format');
    }
    LABEL.lastIndex = 0;
    for (const m of text.matchAll(LABEL)) {
      const from = (m.index ?? 0) + m[0].length;
      const sentence = post.structure.sentenceAt(from);
      const tokens = tokensWithin(text, from, Math.max(from, sentence.end), VALUE_REACH, gap + 1);
      const value = tokens.find((t) => isHighEntropyToken(t.core));
      if (value) add(value.start, value.end, `random-looking value after "${m[0].trim()}"`);
    }
    return found;
  };
  return detect;
};
