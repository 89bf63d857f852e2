/**
 * `npm run fuzz`: the properties of test/property/ on many more drafts.
 *
 *   node dist/bench/fuzz.js [--runs 100000] [--seed N] [--workers 2] [--kind post-like]
 *                           [--keep-going] [--path P]
 *
 * Splits the cases over worker processes (one per core by default), each
 * with its own seed. Prints a summary (cases by kind, refusals, findings,
 * rewrites re-checked, the slowest input's length and time) and exits 1 when
 * a property fails, with the shrunk counter-example and the command that
 * replays it. With --keep-going no worker stops at its first failure: every
 * case runs, failures are grouped by what went wrong, and the shortest input
 * of each group is shown.
 */
import '../regexp-tier.js';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { getEngine } from '../engine/index.js';
import { caseArbitraries, caseArbitrary, checkCase, preview, PropertyViolation, type Case, type Kind } from './properties.js';
import { ms, summarize } from './stats.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    kind: { type: 'string' },
    workers: { type: 'string' },
    /** A review slower than this breaks the time-budget property. */
    'budget-ms': { type: 'string', default: '1000' },
    'keep-going': { type: 'boolean', default: false },
    /** Internal: run as a worker and print the result as JSON. */
    'as-worker': { type: 'boolean', default: false },
  },
});

interface KindStats {
  cases: number;
  reviewed: number;
  refused: Record<string, number>;
  findings: number;
  rewritesChecked: number;
  times: number[];
}

interface Failure {
  count: number;
  message: string;
  shortest: Case;
}

/** What one run (a worker's share) found; plain data, so workers can send it as JSON. */
interface FuzzResult {
  seed: number;
  runs: number;
  done: number;
  seconds: number;
  byKind: Record<string, KindStats>;
  slowest?: { case: Case; ms: number };
  /** --keep-going: failures by what went wrong. */
  failures: Record<string, Failure>;
  /** Without --keep-going: fast-check's shrunk counter-example. */
  failed?: { message: string; case?: Case; numRuns: number; numShrinks: number; path?: string; seed: number };
}

const BUDGET_MS = Math.max(1, Number(args['budget-ms']));

function runFuzz(runs: number, seed: number, kind: string | undefined, keepGoing: boolean, path: string | undefined): FuzzResult {
  const engine = getEngine();
  const arbitraries = caseArbitraries(engine);
  const arbitrary = kind !== undefined ? arbitraries[kind as Kind] : caseArbitrary(engine);
  const result: FuzzResult = { seed, runs, done: 0, seconds: 0, byKind: {}, failures: {} };
  // Warm up first (the first reviews compile every regular expression and load
  // compromise's lexicon), so the slowest input is slow for what it is.
  for (const { spec } of engine.rules.slice(0, 20)) {
    for (const e of spec.examples.flag) engine.review(typeof e === 'string' ? e : e.text);
  }
  const started = performance.now();
  let lastReport = started;

  const record = (c: Case, error: unknown) => {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    const key = message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, 'N');
    const seen = result.failures[key];
    if (!seen) result.failures[key] = { count: 1, message, shortest: c };
    else {
      seen.count++;
      if (c.text.length < seen.shortest.text.length) Object.assign(seen, { message, shortest: c });
    }
  };

  const property = fc.property(arbitrary, (c) => {
    let checked: ReturnType<typeof checkCase>;
    try {
      checked = checkCase(engine, c);
    } catch (error) {
      if (!keepGoing || !(error instanceof PropertyViolation)) throw error;
      record(c, error);
      return;
    }
    if (checked.ms > BUDGET_MS) {
      // Time on a shared machine varies; the budget is ten times the slowest shape the bench measures.
      const over = new PropertyViolation(`a review took ${Math.round(checked.ms)} ms, over the ${BUDGET_MS} ms budget`);
      if (!keepGoing) throw over;
      record(c, over);
    }
    const s = (result.byKind[c.kind] ??= { cases: 0, reviewed: 0, refused: {}, findings: 0, rewritesChecked: 0, times: [] });
    s.cases++;
    s.times.push(checked.ms);
    if (checked.outcome === 'reviewed') s.reviewed++;
    else s.refused[checked.problem ?? '?'] = (s.refused[checked.problem ?? '?'] ?? 0) + 1;
    s.findings += checked.findings;
    if (checked.rewriteChecked) s.rewritesChecked++;
    if (!result.slowest || checked.ms > result.slowest.ms) result.slowest = { case: c, ms: checked.ms };
    result.done++;
    const now = performance.now();
    if (now - lastReport > 15_000) {
      lastReport = now;
      process.stderr.write(`  … ${result.done.toLocaleString('en-US')} cases, ${((now - started) / 1000).toFixed(0)} s\n`);
    }
  });

  const details = fc.check(property, { numRuns: runs, seed, ...(path ? { path } : {}) });
  result.seconds = (performance.now() - started) / 1000;
  if (details.failed) {
    const error = details.errorInstance;
    result.failed = {
      message: error instanceof Error ? error.message : String(error),
      numRuns: details.numRuns,
      numShrinks: details.numShrinks,
      seed,
      ...(details.counterexample?.[0] ? { case: details.counterexample[0] } : {}),
      ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
    };
  }
  return result;
}

function merge(results: FuzzResult[]): FuzzResult {
  const out: FuzzResult = { seed: results[0]?.seed ?? 0, runs: 0, done: 0, seconds: 0, byKind: {}, failures: {} };
  for (const r of results) {
    out.runs += r.runs;
    out.done += r.done;
    out.seconds = Math.max(out.seconds, r.seconds);
    for (const [kind, s] of Object.entries(r.byKind)) {
      const t = (out.byKind[kind] ??= { cases: 0, reviewed: 0, refused: {}, findings: 0, rewritesChecked: 0, times: [] });
      t.cases += s.cases;
      t.reviewed += s.reviewed;
      t.findings += s.findings;
      t.rewritesChecked += s.rewritesChecked;
      for (const [p, n] of Object.entries(s.refused)) t.refused[p] = (t.refused[p] ?? 0) + n;
      for (const x of s.times) t.times.push(x);
    }
    if (r.slowest && (!out.slowest || r.slowest.ms > out.slowest.ms)) out.slowest = r.slowest;
    for (const [key, f] of Object.entries(r.failures)) {
      const seen = out.failures[key];
      if (!seen) out.failures[key] = { ...f };
      else {
        seen.count += f.count;
        if (f.shortest.text.length < seen.shortest.text.length) Object.assign(seen, { message: f.message, shortest: f.shortest });
      }
    }
    out.failed ??= r.failed;
  }
  return out;
}

function runWorker(runs: number, seed: number): Promise<FuzzResult> {
  const argv = [fileURLToPath(import.meta.url), '--as-worker', '--runs', String(runs), '--seed', String(seed)];
  if (args.kind !== undefined) argv.push('--kind', args.kind);
  if (args['keep-going']) argv.push('--keep-going');
  argv.push('--budget-ms', String(BUDGET_MS));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      try {
        done(JSON.parse(out) as FuzzResult);
      } catch {
        fail(new Error(`fuzz worker (seed ${seed}) exited ${code} without a result`));
      }
    });
  });
}

function report(r: FuzzResult, workerSeeds: number[], perWorker: number): number {
  const lines: string[] = [];
  lines.push('| kind | cases | reviewed | refused | findings | rewrites re-checked | median | p99 | max |');
  lines.push('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  const all: number[] = [];
  for (const [kind, s] of Object.entries(r.byKind).sort((a, b) => b[1].cases - a[1].cases)) {
    const t = summarize(s.times);
    for (const x of s.times) all.push(x);
    const refused = Object.entries(s.refused).map(([p, n]) => `${p} ${n}`).join(', ') || '0';
    lines.push(`| ${kind} | ${s.cases} | ${s.reviewed} | ${refused} | ${s.findings} | ${s.rewritesChecked} | ${ms(t.median)} | ${ms(t.p99)} | ${ms(t.max)} |`);
  }
  const total = summarize(all);
  const failedCases = Object.values(r.failures).reduce((n, f) => n + f.count, 0);
  process.stdout.write(`${lines.join('\n')}\n\n`);
  process.stdout.write(
    `${(r.done + failedCases).toLocaleString('en-US')} cases (shrinking included) in ${r.seconds.toFixed(1)} s on ${workerSeeds.length} worker(s), seeds ${workerSeeds.join(', ')}; review time median ${ms(total.median)}, p99 ${ms(total.p99)}\n`,
  );
  if (r.slowest) {
    const c = r.slowest.case;
    process.stdout.write(
      `slowest input: ${c.kind}, ${[...c.text].length.toLocaleString('en-US')} characters (${c.text.length.toLocaleString('en-US')} UTF-16 units), ${ms(r.slowest.ms)}\n`,
    );
  }
  const kindArg = args.kind !== undefined ? ` --kind ${args.kind}` : '';
  if (r.failed) {
    process.stdout.write(`\nFAILED after ${r.failed.numRuns} cases (${r.failed.numShrinks} shrinks): ${r.failed.message.split('\n')[0] ?? ''}\n`);
    if (r.failed.case) process.stdout.write(`input (${r.failed.case.kind}, options ${JSON.stringify(r.failed.case.options)}): ${preview(r.failed.case.text, 2000)}\n`);
    process.stdout.write(`replay: node dist/bench/fuzz.js --workers 1 --runs ${perWorker} --seed ${r.failed.seed} --path "${r.failed.path ?? ''}"${kindArg}\n`);
    return 1;
  }
  if (failedCases > 0) {
    process.stdout.write(`\nFAILED: ${failedCases} of ${r.done + failedCases} cases broke a property, in ${Object.keys(r.failures).length} ways:\n`);
    for (const f of Object.values(r.failures).sort((a, b) => b.count - a.count)) {
      process.stdout.write(
        `\n- ${f.count}× ${f.message}\n  shortest input (${f.shortest.kind}, options ${JSON.stringify(f.shortest.options)}): ${preview(f.shortest.text, 500)}\n`,
      );
    }
    return 1;
  }
  process.stdout.write(`all properties held on ${r.done.toLocaleString('en-US')} cases\n`);
  return 0;
}

async function main(): Promise<number> {
  const runs = Math.max(1, Number(args.runs));
  const seed = args.seed !== undefined ? Number(args.seed) : (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  if (args.kind !== undefined && !(args.kind in caseArbitraries(getEngine()))) {
    process.stderr.write(`unknown --kind ${args.kind}; one of: ${Object.keys(caseArbitraries(getEngine())).join(', ')}\n`);
    return 2;
  }
  const keepGoing = args['keep-going'] === true;
  if (args['as-worker']) {
    process.stdout.write(JSON.stringify(runFuzz(runs, seed, args.kind, keepGoing, args.path)));
    return 0;
  }
  const workers = Math.max(1, Math.min(16, Number(args.workers ?? Math.min(2, cpus().length)), runs));
  const perWorker = Math.ceil(runs / workers);
  const seeds = Array.from({ length: workers }, (_, i) => (seed + i) >>> 0);
  process.stderr.write(`fuzz: ${runs.toLocaleString('en-US')} cases on ${workers} worker(s), seeds ${seeds.join(', ')}, ${getEngine().rules.length} rules${args.kind ? `, kind ${args.kind}` : ''}\n`);
  const result =
    workers === 1
      ? runFuzz(runs, seed, args.kind, keepGoing, args.path)
      : merge(await Promise.all(seeds.map((s) => runWorker(perWorker, s))));
  return report(result, seeds, workers === 1 ? runs : perWorker);
}

process.exitCode = await main();
