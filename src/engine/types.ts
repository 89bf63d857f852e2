/** Public shapes of the engine: the Review contract of shared/design.md. */

export const THEMES = ['compliance', 'professionalism', 'security', 'spine-care'] as const;
export type Theme = (typeof THEMES)[number];

export const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PLATFORMS = ['x', 'linkedin', 'instagram', 'facebook', 'tiktok', 'any'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const THEME_TITLES: Record<Theme, string> = {
  compliance: 'Compliance and Confidentiality',
  professionalism: 'Professionalism',
  security: 'Security and Access',
  'spine-care': 'Spine Care',
};

/** What kind of thing a finding's excerpt is, so that displays outside the CLI know how to mask it. */
export type ExcerptKind = 'name' | 'number' | 'secret' | 'identifier' | 'text';

export interface Finding {
  rule: string;
  practice: string;
  theme: Theme;
  severity: Severity;
  /** UTF-16 offsets into the text as the user typed it. */
  start: number;
  end: number;
  text: string;
  message: string;
  why: string;
  /** Replacement for `text`, or null when no safe wording can be proposed. */
  suggestion: string | null;
  /** 0–1, for detectors that score their candidates (identifiers). */
  confidence?: number;
  /** Short phrases that raised or lowered the score: why the finding fired. */
  evidence?: string[];
  /** Sensitive excerpts (identifiers, secrets) must be masked wherever they are shown to others. */
  sensitive?: ExcerptKind;
}

export interface Review {
  id?: string;
  findings: Finding[];
  rewrite: string;
}

export interface ReviewOptions {
  platform?: Platform;
  /** Restrict the review to these themes (all when absent). */
  themes?: readonly Theme[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, suggestion: 2 };
