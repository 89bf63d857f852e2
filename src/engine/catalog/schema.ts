/**
 * The shape of the rule catalogue in rules/*.yml. Every file is checked
 * against these schemas when it is loaded; nothing unvalidated reaches the
 * engine.
 */
import { z } from 'zod';
import { SEVERITIES, THEMES, PLATFORMS } from '../types.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const PracticeSchema = z
  .object({
    id: z.string().regex(/^(?:C|P|S|SC)\d+$/, 'must look like C1, P2, S3 or SC4'),
    theme: z.enum(THEMES),
    title: nonEmpty,
    checkable: z.boolean(),
    source: nonEmpty,
    /** For practices text cannot show: the question a user should ask themselves. */
    checklist: nonEmpty.optional(),
  })
  .strict()
  .refine((p) => p.checkable || p.checklist !== undefined, {
    message: 'a practice that text cannot show needs a checklist question',
    path: ['checklist'],
  });

export const PracticesFileSchema = z.object({ practices: z.array(PracticeSchema).min(1) }).strict();

/** A word-list entry: a phrase, optionally with the wording to use instead. */
export const TermSchema = z.union([
  nonEmpty,
  z.object({ term: nonEmpty, replace: z.string().nullable().optional(), note: z.string().optional() }).strict(),
]);

export const ListFileSchema = z
  .object({
    description: nonEmpty,
    source: z.string().optional(),
    terms: z.array(TermSchema).min(1),
  })
  .strict();

const regexList = z.array(nonEmpty).min(1);

export const ContextSchema = z
  .object({
    /** The match counts only when one of these also occurs in its sentence. */
    requires: regexList.optional(),
    /** ...or anywhere in the post. */
    requiresPost: regexList.optional(),
    /** The match is dropped when one of these occurs in its sentence. */
    unless: regexList.optional(),
    /** ...or anywhere in the post (a disclosure, a consent statement). */
    unlessPost: regexList.optional(),
    /** Drop a match whose clause negates it ("we never share ..."). */
    negation: z.enum(['skip', 'ignore']).default('skip'),
    /** Drop a match inside quotation marks (a word quoted, not used). */
    quoted: z.enum(['skip', 'ignore']).default('skip'),
    /** Drop a match in a hedged sentence ("many patients", "may help", "talk to your clinician"). */
    hedged: z.enum(['skip', 'ignore']).default('ignore'),
  })
  .strict();

export const SuggestionSchema = z
  .object({
    /**
     * Replacement for the finding's span. `$0` is the span's text, `$1`… the
     * pattern's groups; phrase entries with their own `replace` win over this.
     */
    replace: z.string(),
  })
  .strict();

const PhrasesDetector = z
  .object({
    kind: z.literal('phrases'),
    phrases: z.array(TermSchema).optional(),
    /** Names of word lists in rules/lists/ (file name without .yml). */
    lists: z.array(nonEmpty).optional(),
  })
  .strict()
  .refine((d) => (d.phrases?.length ?? 0) + (d.lists?.length ?? 0) > 0, {
    message: 'needs phrases or lists',
    path: ['phrases'],
  });

const PatternDetector = z
  .object({
    kind: z.literal('pattern'),
    /** JavaScript regular expressions, matched case-insensitively with the u flag. */
    patterns: regexList,
  })
  .strict();

const CodeDetector = z
  .object({
    kind: z.literal('detector'),
    /** A detector written in code (src/engine/detectors/), for what patterns cannot express. */
    name: nonEmpty,
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const DetectSchema = z.union([PhrasesDetector, PatternDetector, CodeDetector]);

const FlagExample = z.union([
  nonEmpty,
  z.object({ text: nonEmpty, rewrite: z.string().optional() }).strict(),
]);

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/, 'must be "<theme>.<kebab-name>"'),
    practice: z.string().regex(/^(?:C|P|S|SC)\d+$/, 'must be a practice id such as C1 or SC3'),
    severity: z.enum(SEVERITIES),
    message: nonEmpty,
    why: nonEmpty,
    detect: DetectSchema,
    /** Which stretch the finding covers: the match itself, its clause or its sentence. */
    span: z.enum(['match', 'clause', 'sentence']).default('match'),
    context: ContextSchema.default({ negation: 'skip', quoted: 'skip', hedged: 'ignore' }),
    suggestion: SuggestionSchema.nullable(),
    /** How to mask the excerpt outside the local CLI. */
    sensitive: z.enum(['name', 'number', 'secret', 'identifier', 'text']).optional(),
    platforms: z.array(z.enum(PLATFORMS)).optional(),
    examples: z
      .object({
        flag: z.array(FlagExample).min(3, 'needs at least 3 drafts that must flag'),
        pass: z.array(nonEmpty).min(3, 'needs at least 3 drafts that must pass'),
      })
      .strict(),
  })
  .strict();

export const RuleFileSchema = z
  .object({
    theme: z.enum(THEMES),
    description: z.string().optional(),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();

export type Practice = z.infer<typeof PracticeSchema>;
export type Term = z.infer<typeof TermSchema>;
export type ListFile = z.infer<typeof ListFileSchema>;
export type RuleContext = z.infer<typeof ContextSchema>;
export type RuleSpec = z.infer<typeof RuleSchema>;
export type RuleFile = z.infer<typeof RuleFileSchema>;
export type DetectSpec = z.infer<typeof DetectSchema>;
