/**
 * The `postcheck` command: the same review as the Slack app, in a terminal,
 * a script or CI. Exit status: 0 no error finding, 1 at least one, 2 bad
 * usage or unreadable input (batch mode: 2 if any line failed, else 0).
 */
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Engine, Review, ReviewOptions } from '../engine/index.js';
import { PLATFORMS, type Platform } from '../engine/types.js';
import { DraftError } from '../engine/limits.js';
import { formatText } from './format.js';
import { decodeUtf8, readFileBytes, readFileText, readStdinBytes, readStdinText, UsageError } from './input.js';
import type { AnsweredChunk } from './batch.js';
import { answerBatch, threadsFor } from './parallel.js';
import { answerSplit, SPLIT_MIN_LINES } from './split.js';
import { formatRules } from './rules.js';

export const EXIT = { clean: 0, errors: 1, usage: 2 } as const;

/**
 * The engine's modules are imported when a command needs them, not with this
 * one: a large batch starts its worker threads first, so that they load their
 * engines while this thread loads its own.
 */
async function loadEngine(): Promise<Engine> {
  const { getEngine } = await import('../engine/index.js');
  return getEngine();
}

/** Batch output is written in chunks of about this many characters. */
const OUTPUT_CHUNK = 64 * 1024;

interface ReviewFlags {
  file?: string;
  format: 'text' | 'json';
  jsonl?: boolean;
  platform?: Platform;
  color?: boolean;
  jobs?: number;
}

/** Threads for a large batch: one per core. */
function defaultJobs(): number {
  return availableParallelism();
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('a whole number from 1 to 64.');
  return n;
}

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

function useColor(io: Io, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

async function readDraft(words: string[], flags: ReviewFlags, io: Io): Promise<string> {
  if (words.length > 0 && flags.file) throw new UsageError('Give the draft as an argument or with --file, not both.');
  if (words.length > 0) return words.join(' ');
  if (flags.file) return readFileText(flags.file);
  if (io.stdin.isTTY) {
    throw new UsageError('No draft given. Try: postcheck review "your draft", postcheck review --file draft.txt, or pipe it in.');
  }
  return readStdinText(io.stdin);
}

async function runReview(words: string[], flags: ReviewFlags, io: Io): Promise<number> {
  if (flags.jsonl) {
    if (words.length > 0) throw new UsageError('--jsonl reads lines from standard input or --file, not from arguments.');
    const bytes = flags.file ? await readFileBytes(flags.file) : await readStdinBytes(io.stdin);
    let failed = 0;
    // Answers leave in chunks: one write per line costs a system call (or a queued buffer) each.
    let pending: string[] = [];
    let pendingSize = 0;
    const flush = () => {
      if (pending.length > 0) io.stdout.write(`${pending.join('\n')}\n`);
      pending = [];
      pendingSize = 0;
    };
    const reviewer = async () => {
      const engine = await loadEngine();
      return (text: string, options: ReviewOptions) => engine.review(text, options);
    };
    const emit = (chunk: AnsweredChunk) => {
      failed += chunk.failed;
      for (const json of chunk.answers) {
        pending.push(json);
        pendingSize += json.length;
      }
      if (pendingSize >= OUTPUT_CHUNK) flush();
    };
    const lines = [...splitLines(bytes)];
    const jobs = flags.jobs ?? defaultJobs();
    // Sharing the posts pays once each of three or more threads has many; two threads share the rules.
    if (jobs >= 2 && lines.length >= SPLIT_MIN_LINES && threadsFor(lines.length, jobs) < 3) await answerSplit(lines, loadEngine, emit);
    else await answerBatch(lines, jobs, reviewer, emit);
    flush();
    return failed > 0 ? EXIT.usage : EXIT.clean;
  }
  const text = await readDraft(words, flags, io);
  const review: Review = (await loadEngine()).review(text, flags.platform ? { platform: flags.platform } : {});
  if (flags.format === 'json') io.stdout.write(`${JSON.stringify(review, null, 2)}\n`);
  else io.stdout.write(`${formatText(review, { color: useColor(io, flags.color) })}\n`);
  return review.findings.some((f) => f.severity === 'error') ? EXIT.errors : EXIT.clean;
}

function* splitLines(bytes: Buffer): Generator<Buffer> {
  let start = 0;
  for (let i = bytes.indexOf(10, start); i !== -1; i = bytes.indexOf(10, start)) {
    yield bytes.subarray(start, i > start && bytes[i - 1] === 13 ? i - 1 : i);
    start = i + 1;
  }
  if (start < bytes.length) yield bytes.subarray(start);
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('postcheck')
    .description('Review a social-media draft before it is posted: patient privacy, professionalism, security, spine-care claims.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run postcheck --help for usage)');

  program
    .command('review')
    .description('review a draft given as arguments, with --file, or on standard input')
    .argument('[draft...]', 'the draft text')
    .option('-f, --file <path>', 'read the draft (or, with --jsonl, the batch) from a file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--jsonl', 'batch: one {"id","text","platform"?} per input line, one Review per output line')
    .addOption(new Option('-p, --platform <platform>', 'where the post will go').choices([...PLATFORMS]))
    .option('-j, --jobs <n>', 'with --jsonl: threads for a large batch (default: one per core; 1 keeps it on one thread)', parseJobs)
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .action(async (words: string[], flags: ReviewFlags) => setExit(await runReview(words, flags, io)));

  program
    .command('rules')
    .description('list the rule catalogue and the checklist of practices text cannot show')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: 'text' | 'json' }) => {
      const engine = await loadEngine();
      io.stdout.write(`${formatRules(engine, flags.format)}\n`);
      setExit(EXIT.clean);
    });
  return program;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.clean;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.clean : EXIT.usage;
    if (err instanceof UsageError || err instanceof DraftError) {
      io.stderr.write(`postcheck: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`postcheck: could not review: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.usage;
  }
}
