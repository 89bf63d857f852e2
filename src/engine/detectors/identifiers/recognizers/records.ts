/**
 * (H, I, J, R) Medical record, account, health-plan and member numbers, and
 * other case numbers, recognised by their label ("MRN 00482913", "chart #
 * 55-1902", "acct: 7781 2234", "member ID XJH448812"). A label alone ("text
 * us your member ID") is a request, not a number; the value must be there.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { dropLabelled } from '../generalise.js';
import { Score, droppedNumber } from '../score.js';
import { matches } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const LABEL =
  '(?:MRN|MR#|MR no\\.?|medical record(?: number| no\\.?| #)?|chart(?: number| no\\.?| #|#)|acct\\.?(?: number| no\\.?| #)?|account(?: number| no\\.?| #|#)|member(?: ID| number| no\\.?| #|#)|subscriber(?: ID| number| #)|policy(?: number| no\\.?| #|#)|group(?: number| no\\.?| #)|health plan(?: ID| number| #)|insurance(?: ID| number| #)|claim(?: number| no\\.?| #|#)|patient(?: ID| number| #)|pt(?: ID| #)|encounter(?: ID| number| #)|visit(?: ID| number| #)|FIN|CSN|accession(?: number| no\\.?| #)?|case(?: number| no\\.?| #)|Medicare(?: number| ID| #)?|Medicaid(?: number| ID| #)?|MBI|HICN|beneficiary(?: ID| number)|billing(?: ID| number| #)|invoice(?: number| #)|(?:OHIP|NHS|CHI|MSP|RAMQ|Medicare|health|care)(?: card(?: number| no\\.?| #)?| number| no\\.?| #)|health insurance(?: number| #))';
// The value is one token, or groups of digits: "XJH448812", "55-1902", "7781 2234"; never a word and then a number.
const VALUE = '((?:[A-Z]{1,4}-?)?\\d[\\dA-Z]{1,}(?:[- ]\\d[\\dA-Z]{1,}){0,3})';
const LABELLED = tuned(new RegExp(`(?<![\\p{L}])${LABEL}\\s*(?:#|:|=|is|was|no\\.?|number)?\\s*:?\\s*${VALUE}(?![\\p{L}\\p{N}])`, 'giu'));

export function recognizeRecords(ctx: PostContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(LABELLED, ctx.text)) {
    const value = m[1] ?? '';
    if ((value.match(/\d/g) ?? []).length < 4) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const label = m[0].slice(0, m[0].length - value.length).trim().replace(/[#:=\s]+$/, '');
    const score = new Score(0.85, `record label: ${label}`);
    ctx.applyTie(score, start);
    const edit = dropLabelled(ctx, start, end, end - value.length);
    const c = droppedNumber(edit, score, 'A medical record, account, health-plan or member number identifies the patient.');
    if (c) out.push(c);
  }
  return out;
}
