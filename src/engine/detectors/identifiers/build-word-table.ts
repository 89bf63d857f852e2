/**
 * `npm run build` runs this after compiling: it writes compromise's
 * dictionary, as the recognizers read it, next to the built engine (see
 * word-table.ts), so that a process need not load compromise to know a word.
 */
import { writeFileSync } from 'node:fs';
import { buildWordTable, serialiseTable, WORD_TABLE_FILE } from './word-table.js';

writeFileSync(WORD_TABLE_FILE, serialiseTable(buildWordTable()));
