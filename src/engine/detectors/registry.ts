/**
 * Detectors written in code, by the name a rule's `detect.name` uses. Add a
 * detector here when a pattern cannot express the check (scoring, checksums,
 * sentence structure).
 */
import type { DetectorFactory } from './types.js';
import { profanityDetector } from './profanity.js';
import { secretsDetector } from './secrets.js';
import { tokensDetector } from './tokens.js';
import { channelsDetector } from './channels.js';
import { adviceDetector } from './advice.js';
import { disclosureDetector } from './disclosure.js';
import { patientEncounterDetector } from './consent.js';
import { institutionalVoiceDetector } from './institutional-voice.js';
import { careConfirmationDetector } from './care-confirmation.js';
import { identifiersDetector } from './identifiers/index.js';

export const DETECTORS: Readonly<Record<string, DetectorFactory>> = {
  profanity: profanityDetector,
  'labelled-secret': secretsDetector,
  'api-token': tokensDetector,
  'insecure-channel': channelsDetector,
  'individual-advice': adviceDetector,
  'undisclosed-connection': disclosureDetector,
  'patient-encounter': patientEncounterDetector,
  'institutional-voice': institutionalVoiceDetector,
  'care-confirmation': careConfirmationDetector,
  identifiers: identifiersDetector,
};
