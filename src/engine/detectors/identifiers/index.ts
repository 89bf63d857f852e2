/**
 * The `identifiers` detector: one recognizer per kind of patient identifier
 * (Safe Harbor's 18, plus identifying combinations, real-time posting and
 * confirming a patient), chosen by the rule's `options.recognizer`. All of a
 * post's recognizers share one context (patient cues, colleagues, addresses,
 * compromise parses), built by the first that runs.
 */
import { z } from 'zod';
import type { Candidate, DetectorFactory } from '../types.js';
import { contextOf, type PostContext } from './context.js';
import { keepCase } from './generalise.js';
import { lexiconFor } from './lexicon.js';
import { loadWords } from './words.js';
import { recognizeAffiliations } from './recognizers/affiliations.js';
import { recognizeAges } from './recognizers/ages.js';
import { recognizeCombination } from './recognizers/combination.js';
import { recognizeConfirmation } from './recognizers/confirmation.js';
import { recognizeDates } from './recognizers/dates.js';
import { recognizeDevices } from './recognizers/devices.js';
import { recognizeEmails } from './recognizers/emails.js';
import { recognizeImages } from './recognizers/images.js';
import { recognizeIp } from './recognizers/ip.js';
import { recognizeLicences } from './recognizers/licences.js';
import { recognizeLinks } from './recognizers/links.js';
import { recognizeNames } from './recognizers/names/index.js';
import { recognizePhones } from './recognizers/phones.js';
import { recognizePlaces } from './recognizers/places.js';
import { recognizeRealtime } from './recognizers/realtime.js';
import { recognizeRecords } from './recognizers/records.js';
import { recognizeRooms } from './recognizers/rooms.js';
import { recognizeSsn } from './recognizers/ssn.js';
import { recognizeVehicles } from './recognizers/vehicles.js';

export const RECOGNIZERS = {
  names: recognizeNames,
  places: recognizePlaces,
  affiliations: recognizeAffiliations,
  dates: recognizeDates,
  ages: recognizeAges,
  phones: recognizePhones,
  emails: recognizeEmails,
  ssn: recognizeSsn,
  records: recognizeRecords,
  rooms: recognizeRooms,
  licences: recognizeLicences,
  vehicles: recognizeVehicles,
  devices: recognizeDevices,
  links: recognizeLinks,
  ip: recognizeIp,
  images: recognizeImages,
  combination: recognizeCombination,
  confirmation: recognizeConfirmation,
  realtime: recognizeRealtime,
} as const satisfies Record<string, (ctx: PostContext) => Candidate[]>;

export type RecognizerName = keyof typeof RECOGNIZERS;

const NAMES = Object.keys(RECOGNIZERS) as [RecognizerName, ...RecognizerName[]];
const OptionsSchema = z.object({ recognizer: z.enum(NAMES) }).strict();

function isRecognizer(name: string): name is RecognizerName {
  return Object.hasOwn(RECOGNIZERS, name);
}

/** Runs (once per post) the named recognizer; candidates are in the view's offsets. */
function run(ctx: PostContext, name: string): Candidate[] {
  if (!isRecognizer(name)) return [];
  return ctx.results(name, () => {
    if (name !== 'names') ctx.countNamedPatients();
    return RECOGNIZERS[name](ctx).map((c) => keepCase(ctx, c));
  });
}

export const identifiersDetector: DetectorFactory = (setup) => {
  const { recognizer } = OptionsSchema.parse(setup.options);
  const lex = lexiconFor(setup.lists, setup.ruleId);
  loadWords();
  return (post) => {
    const ctx = contextOf(post, lex);
    ctx.setRunner((name) => run(ctx, name));
    return run(ctx, recognizer).map((c) => ctx.toPost(c));
  };
};
