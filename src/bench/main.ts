/**
 * `npm run bench`: how fast postcheck reviews, next to alex and write-good
 * on the same posts, in the same run.
 *
 *   node dist/bench/main.js [--corpus ../shared/eval/dev.jsonl] [--reviews 2000]
 *                           [--out bench-results.json] [--quick]
 *
 * Measures, for postcheck: time per review (median, p90, p99) over the
 * corpus cycled to --reviews reviews, throughput on one core, a draft of
 * 40,000 characters built from the posts and the catalogue's own examples
 * (its first review, which compiles the long-draft paths, reported apart),
 * long drafts of slow shapes, the rules that cost most, process start to first
 * review, and peak memory. For the peers: the same per-post timings in
 * process, and whole processes reviewing the same posts (postcheck's CLI in
 * --jsonl mode against a small batch script per peer). Prints a Markdown
 * table and writes everything as JSON. Never prints post text.
 */
import '../regexp-tier.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { adversarialDrafts, DEFAULT_CORPUS, flagExamples, interleave, longDraft, readPosts, REPO_ROOT, type Post } from './inputs.js';
import { loadPeer, PEERS, type Checker, type PeerName } from './peers/tools.js';
import { median, ms, ratio, summarize, type Summary } from './stats.js';
import type { Engine } from '../engine/index.js';
import type { CompiledRule } from '../engine/catalog/compile.js';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    reviews: { type: 'string', default: '2000' },
    out: { type: 'string', default: join(REPO_ROOT, 'bench-results.json') },
    quick: { type: 'boolean', default: false },
  },
});

const QUICK = args.quick === true;
const REVIEWS = QUICK ? 300 : Math.max(1, Number(args.reviews));
const PEER_BUDGET_MS = QUICK ? 1_500 : 5_000;
const LONG_RUNS = QUICK ? 10 : 100;
const LONG_BUDGET_MS = QUICK ? 3_000 : 8_000;
// The corpus once, a batch of a few hundred, and the few thousand posts timed in process.
const PROCESS_POSTS = QUICK ? [200] : [600, REVIEWS];
const PROCESS_RUNS = QUICK ? 1 : 3;
const START_RUNS = QUICK ? 3 : 7;

const DIST = join(REPO_ROOT, 'dist');
const ONE_THREAD = 'postcheck --jobs 1';
const NODE = process.execPath;

const TARGETS = {
  medianMs: 2,
  timesAlex: 3,
  longP99Ms: 100,
  startMs: 1_500,
};

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Times check(text) for each post, cycling, until `count` reviews or `budgetMs` have passed. */
function timePosts(check: (post: Post) => number, posts: readonly Post[], count: number, budgetMs = Infinity) {
  const times: number[] = [];
  let findings = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < count; i++) {
    const post = posts[i % posts.length] as Post;
    const t = performance.now();
    findings += check(post);
    times.push(performance.now() - t);
    if (i + 1 >= posts.length && performance.now() - wall0 > budgetMs) break;
  }
  const wallMs = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return {
    perReview: summarize(times),
    reviews: times.length,
    findings,
    wallMs,
    reviewsPerSecond: (times.length / wallMs) * 1000,
    reviewsPerCpuSecond: (times.length / ((cpu.user + cpu.system) / 1000)) * 1000,
  };
}

function timeOnce(check: Checker, text: string): number {
  const t = performance.now();
  check(text);
  return performance.now() - t;
}

function timeRepeated(check: Checker, text: string, runs: number, budgetMs: number, minRuns = 3): { summary: Summary; findings: number } {
  const times: number[] = [];
  let findings = 0;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    findings = check(text);
    times.push(performance.now() - t);
    if (i + 1 >= minRuns && performance.now() - start > budgetMs) break;
  }
  return { summary: summarize(times), findings };
}

interface WholeBatch {
  posts: number;
  tools: Record<string, { wallMs: number; runs: number[]; maxRssKiB: number; lines: number }>;
}

interface ProcessRun {
  wallMs: number;
  maxRssKiB: number;
  lines: number;
  code: number | null;
}

/** Runs a whole process with `input` on stdin; wall time from spawn to exit. */
function runProcess(argv: string[], input: string, tmp: string): Promise<ProcessRun> {
  const rssFile = join(tmp, `rss-${Math.random().toString(36).slice(2)}`);
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(NODE, ['--import', join(DIST, 'bench', 'rss.js'), ...argv], {
      cwd: REPO_ROOT,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      const maxRssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
      if (code !== 0 && code !== 1) log(`  ${argv.join(' ')} exited ${code}: ${stderr.slice(0, 300)}`);
      done({ wallMs, maxRssKiB, lines, code });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

interface StartRun {
  wallMs: number;
  importMs: number;
  catalogueMs: number;
  reviewMs: number;
}

/** Spawn to the first review's line on stdout. */
function startToFirstReview(text: string): Promise<StartRun> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(NODE, [join(DIST, 'bench', 'first-review.js'), text], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let wallMs = Number.NaN;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (Number.isNaN(wallMs) && out.includes('\n')) wallMs = performance.now() - t0;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0 || Number.isNaN(wallMs)) return fail(new Error(`first-review.js exited ${code}`));
      const t = JSON.parse(out) as { start: number; imported: number; loaded: number; reviewed: number };
      done({ wallMs, importMs: t.imported - t.start, catalogueMs: t.loaded - t.imported, reviewMs: t.reviewed - t.loaded });
    });
  });
}

function cycled(posts: readonly Post[], count: number): Post[] {
  return Array.from({ length: count }, (_, i) => {
    const p = posts[i % posts.length] as Post;
    return { ...p, id: `${p.id}#${Math.floor(i / posts.length)}` };
  });
}

function jsonl(posts: readonly Post[]): string {
  return `${posts.map((p) => JSON.stringify({ id: p.id, text: p.text, ...(p.platform ? { platform: p.platform } : {}) })).join('\n')}\n`;
}

function mark(ok: boolean): string {
  return ok ? '✅' : '❌';
}

async function main(): Promise<void> {
  const corpusPath = resolve(REPO_ROOT, args.corpus as string);
  const posts = readPosts(corpusPath);
  // The command as installed (the bundle, see cli/build-bundle.ts), or its unbundled build.
  const cliPath = [join(DIST, 'bundle', 'postcheck.js'), join(DIST, 'cli', 'bin.js')].find((p) => existsSync(p));
  const tmp = mkdtempSync(join(tmpdir(), 'postcheck-bench-'));
  const loadAtStart = loadavg()[0] ?? 0;
  log(`postcheck bench: ${posts.length} posts from ${corpusPath}, ${QUICK ? 'quick' : 'full'} run, node ${process.version}, ${cpus().length} cores`);

  try {
    // Start to first review first, while the machine is quiet.
    log('start to first review …');
    const starts: StartRun[] = [];
    for (let i = 0; i < START_RUNS; i++) starts.push(await startToFirstReview((posts[i % posts.length] as Post).text));

    // In process: postcheck.
    log('postcheck in process …');
    const importStart = performance.now();
    const engineModule = await import('../engine/index.js');
    const importMs = performance.now() - importStart;
    const loadStart = performance.now();
    const engine = engineModule.getEngine();
    const catalogueMs = performance.now() - loadStart;
    const review: Checker = (text) => engine.review(text).findings.length;
    const reviewPost = (p: Post) => engine.review(p.text, p.platform ? { platform: p.platform } : {}).findings.length;
    const firstPost = posts[0] as Post;
    const coldStart = performance.now();
    review(firstPost.text);
    const coldMs = performance.now() - coldStart;
    timePosts(reviewPost, posts, posts.length); // warm-up pass
    const postcheck = timePosts(reviewPost, posts, REVIEWS);

    const examples = flagExamples(engine);
    const long = longDraft(interleave(posts.map((p) => p.text), examples));
    // Its first review compiles what only long drafts use (places tried word by word, long-text paths): a one-off
    // for a process, reported on its own, and kept out of the timed runs as the warm-up pass is for the posts.
    const longFirstMs = timeOnce(review, long);
    const longRun = timeRepeated(review, long, LONG_RUNS, LONG_BUDGET_MS);

    log('slow shapes …');
    const shapes = adversarialDrafts().map(({ name, text }) => {
      const r = timeRepeated(review, text, 2, 500, 1);
      return { name, maxMs: r.summary.max, findings: r.findings };
    });
    shapes.sort((a, b) => b.maxMs - a.maxMs);

    log('rule profile …');
    const ruleCosts = profileRules(engine, [...posts.map((p) => p.text), long, ...adversarialDrafts().map((d) => d.text)]);
    const rssInProcess = process.resourceUsage().maxRSS;

    // In process: the peers, on the same posts.
    const peers: Record<string, { perPost: ReturnType<typeof timePosts>; long: Summary; importMs: number }> = {};
    for (const name of PEERS) {
      log(`${name} in process …`);
      const t = performance.now();
      const check = await loadPeer(name);
      const peerImportMs = performance.now() - t;
      timePosts((p) => check(p.text), posts, posts.length); // warm-up pass
      const perPost = timePosts((p) => check(p.text), posts, REVIEWS, PEER_BUDGET_MS);
      timeOnce(check, long); // warm-up, as for postcheck
      const peerLong = timeRepeated(check, long, LONG_RUNS, QUICK ? 1_000 : 3_000).summary;
      peers[name] = { perPost, long: peerLong, importMs: peerImportMs };
    }

    // Whole processes on the same posts: the corpus once, and cycled to a larger batch.
    // Runs of the tools alternate, so a busy moment on the machine does not fall on one tool only.
    // postcheck as a user runs it (a large batch uses every core) and on one thread, so per-core speed shows too.
    const commands: [string, string[]][] = [];
    if (cliPath) commands.push(['postcheck', [cliPath, 'review', '--jsonl']], [ONE_THREAD, [cliPath, 'review', '--jsonl', '--jobs', '1']]);
    else log('postcheck CLI not built (dist/bundle/postcheck.js): whole-process comparison without postcheck');
    for (const name of PEERS) commands.push([name, [join(DIST, 'bench', 'peers', 'batch.js'), name]]);
    const wholeProcess: WholeBatch[] = [];
    for (const size of [...new Set([posts.length, ...PROCESS_POSTS])]) {
      log(`whole processes, ${size} posts …`);
      const input = jsonl(cycled(posts, size));
      const runs = new Map<string, ProcessRun[]>(commands.map(([name]) => [name, []]));
      for (let i = 0; i < PROCESS_RUNS; i++) {
        for (const [name, argv] of commands) runs.get(name)?.push(await runProcess(argv, input, tmp));
      }
      const tools: WholeBatch['tools'] = {};
      for (const [name, list] of runs) {
        const bad = list.find((r) => r.lines !== size);
        if (bad) log(`  ${name}: expected ${size} output lines, got ${bad.lines} (exit ${bad.code})`);
        tools[name] = {
          wallMs: median(list.map((r) => r.wallMs)),
          runs: list.map((r) => Math.round(r.wallMs)),
          maxRssKiB: Math.max(...list.map((r) => r.maxRssKiB)),
          lines: list[0]?.lines ?? 0,
        };
      }
      wholeProcess.push({ posts: size, tools });
    }
    const biggest = wholeProcess[wholeProcess.length - 1] as WholeBatch;
    const whole = biggest.tools;

    // The CLI on one draft, as a person would run it.
    const cliSingle: number[] = [];
    if (cliPath) {
      for (let i = 0; i < START_RUNS; i++) {
        cliSingle.push((await runProcess([cliPath, 'review', '--format', 'json'], (posts[i % posts.length] as Post).text, tmp)).wallMs);
      }
    }

    const start = {
      wallMs: median(starts.map((s) => s.wallMs)),
      importMs: median(starts.map((s) => s.importMs)),
      catalogueMs: median(starts.map((s) => s.catalogueMs)),
      reviewMs: median(starts.map((s) => s.reviewMs)),
      runs: starts.map((s) => Math.round(s.wallMs)),
    };
    const alex = peers.alex as (typeof peers)[string];
    const writeGood = peers['write-good'] as (typeof peers)[string];
    const results = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      // Other work on the machine skews every figure: the 1-minute load average at the start and the end.
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      corpus: { path: corpusPath, posts: posts.length },
      rules: engine.rules.length,
      postcheck: {
        importMs,
        catalogueMs,
        firstReviewMs: coldMs,
        perPost: postcheck,
        long: { chars: [...long].length, findings: longRun.findings, firstMs: longFirstMs, ...longRun.summary },
        slowShapes: shapes,
        costliestRules: ruleCosts.rules.slice(0, 10),
        profile: { totalMs: ruleCosts.totalMs, engineOwnMs: ruleCosts.engineMs, detectorsMs: ruleCosts.totalMs - ruleCosts.engineMs },
        maxRssKiBInProcess: rssInProcess,
      },
      startToFirstReview: start,
      peers,
      wholeProcess,
      cliSingleDraftMs: cliSingle.length > 0 ? median(cliSingle) : null,
      ratios: {
        inProcessThroughputVsAlex: postcheck.reviewsPerSecond / alex.perPost.reviewsPerSecond,
        inProcessThroughputVsWriteGood: postcheck.reviewsPerSecond / writeGood.perPost.reviewsPerSecond,
        wholeProcessVsAlex: whole.postcheck && whole.alex ? whole.alex.wallMs / whole.postcheck.wallMs : null,
        wholeProcessOneThreadVsAlex: whole[ONE_THREAD] && whole.alex ? whole.alex.wallMs / whole[ONE_THREAD].wallMs : null,
        wholeProcessVsWriteGood: whole.postcheck && whole['write-good'] ? whole['write-good'].wallMs / whole.postcheck.wallMs : null,
      },
      targets: {
        medianMs: { target: TARGETS.medianMs, value: postcheck.perReview.median, met: postcheck.perReview.median <= TARGETS.medianMs },
        timesAlex: {
          target: TARGETS.timesAlex,
          value: postcheck.reviewsPerSecond / alex.perPost.reviewsPerSecond,
          met: postcheck.reviewsPerSecond / alex.perPost.reviewsPerSecond >= TARGETS.timesAlex,
        },
        timesAlexWholeProcess: {
          target: TARGETS.timesAlex,
          value: whole.postcheck && whole.alex ? whole.alex.wallMs / whole.postcheck.wallMs : null,
          met: whole.postcheck && whole.alex ? whole.alex.wallMs / whole.postcheck.wallMs >= TARGETS.timesAlex : null,
        },
        timesAlexWholeProcessOneThread: {
          target: TARGETS.timesAlex,
          value: whole[ONE_THREAD] && whole.alex ? whole.alex.wallMs / whole[ONE_THREAD].wallMs : null,
          met: whole[ONE_THREAD] && whole.alex ? whole.alex.wallMs / whole[ONE_THREAD].wallMs >= TARGETS.timesAlex : null,
        },
        longP99Ms: { target: TARGETS.longP99Ms, value: longRun.summary.p99, met: longRun.summary.p99 <= TARGETS.longP99Ms },
        startMs: { target: TARGETS.startMs, value: start.wallMs, met: start.wallMs < TARGETS.startMs },
      },
    };
    writeFileSync(args.out as string, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${table(results)}\n\nJSON: ${args.out as string}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Time spent in each rule's detector during real reviews of the texts (so
 * caches detectors share within a review count once, for the first rule that
 * fills them), plus the engine's own share: everything in review() that is
 * not a detector (normalising, structure, context checks, merging, rewrite).
 */
function profileRules(engine: Engine, texts: readonly string[]): { rules: { rule: string; ms: number }[]; engineMs: number; totalMs: number } {
  const spent = new Map<string, number>();
  const rules = engine.rules as CompiledRule[];
  const originals = rules.map((r) => r.detect);
  rules.forEach((rule, i) => {
    const detect = originals[i] as CompiledRule['detect'];
    rule.detect = (post) => {
      const t = performance.now();
      try {
        return detect(post);
      } finally {
        spent.set(rule.spec.id, (spent.get(rule.spec.id) ?? 0) + performance.now() - t);
      }
    };
  });
  const t0 = performance.now();
  try {
    for (const text of texts) {
      try {
        engine.review(text);
      } catch {
        // drafts the engine refuses cost nothing here
      }
    }
  } finally {
    rules.forEach((rule, i) => (rule.detect = originals[i] as CompiledRule['detect']));
  }
  const totalMs = performance.now() - t0;
  const detectors = [...spent.values()].reduce((a, b) => a + b, 0);
  return {
    rules: [...spent.entries()].map(([rule, ms]) => ({ rule, ms })).sort((a, b) => b.ms - a.ms),
    engineMs: totalMs - detectors,
    totalMs,
  };
}

type Results = {
  rules: number;
  cpus: number;
  loadAverage: { start: number; end: number };
  corpus: { posts: number };
  postcheck: {
    importMs: number;
    catalogueMs: number;
    perPost: ReturnType<typeof timePosts>;
    long: Summary & { chars: number; findings: number; firstMs: number };
    slowShapes: { name: string; maxMs: number }[];
    costliestRules: { rule: string; ms: number }[];
    profile: { totalMs: number; engineOwnMs: number; detectorsMs: number };
    maxRssKiBInProcess: number;
  };
  startToFirstReview: { wallMs: number; importMs: number; catalogueMs: number; reviewMs: number };
  cliSingleDraftMs: number | null;
  peers: Record<string, { perPost: ReturnType<typeof timePosts>; long: Summary; importMs: number }>;
  wholeProcess: WholeBatch[];
  targets: Record<string, { target: number; value: number | null; met: boolean | null }>;
};

/** "3.2× faster" or "0.4× (slower)": how many times the other's time postcheck's is. */
function speedup(other: number, postcheck: number): string {
  const x = other / postcheck;
  return x >= 1 ? `postcheck ${ratio(x)} faster` : `postcheck ${ratio(1 / x)} slower`;
}

function table(r: Results): string {
  const pc = r.postcheck.perPost;
  const rows: string[] = [];
  const line = (...cells: string[]) => rows.push(`| ${cells.join(' | ')} |`);
  rows.push(`### postcheck bench — ${r.rules} rules, ${r.corpus.posts} posts, ${r.cpus} cores, load average ${r.loadAverage.start.toFixed(1)} → ${r.loadAverage.end.toFixed(1)}`);
  rows.push('');
  line('per post (in process)', 'reviews', 'median', 'p90', 'p99', 'max', 'reviews/s (1 core)', 'compared');
  line('---', '---:', '---:', '---:', '---:', '---:', '---:', '---');
  const perPostRow = (name: string, s: ReturnType<typeof timePosts>) =>
    line(
      name,
      String(s.reviews),
      ms(s.perReview.median),
      ms(s.perReview.p90),
      ms(s.perReview.p99),
      ms(s.perReview.max),
      Math.round(s.reviewsPerSecond).toLocaleString('en-US'),
      name === 'postcheck' ? '' : speedup(pc.reviewsPerSecond, s.reviewsPerSecond).replace('faster', 'the throughput').replace('slower', 'less throughput'),
    );
  perPostRow('postcheck', pc);
  for (const [name, p] of Object.entries(r.peers)) perPostRow(name, p.perPost);
  rows.push('');
  line('40,000-character draft', 'runs', 'median', 'p90', 'p99', 'max', 'findings');
  line('---', '---:', '---:', '---:', '---:', '---:', '---:');
  const L = r.postcheck.long;
  line('postcheck', String(L.n), ms(L.median), ms(L.p90), ms(L.p99), ms(L.max), String(L.findings));
  for (const [name, p] of Object.entries(r.peers)) line(name, String(p.long.n), ms(p.long.median), ms(p.long.p90), ms(p.long.p99), ms(p.long.max), '');
  rows.push('');
  line('whole process, same posts', 'posts', 'wall time (median)', 'peak RSS', 'compared');
  line('---', '---:', '---:', '---:', '---');
  for (const batch of r.wholeProcess) {
    const wp = batch.tools.postcheck;
    for (const [name, w] of Object.entries(batch.tools)) {
      line(name, String(batch.posts), ms(w.wallMs), `${Math.round(w.maxRssKiB / 1024)} MiB`, name.startsWith('postcheck') || !wp ? '' : speedup(w.wallMs, wp.wallMs));
    }
  }
  rows.push('');
  const s = r.startToFirstReview;
  line('start-up and memory', 'value');
  line('---', '---:');
  line('process start to first review (median)', ms(s.wallMs));
  line('… engine import / catalogue load and compile / first review', `${ms(s.importMs)} / ${ms(s.catalogueMs)} / ${ms(s.reviewMs)}`);
  if (r.cliSingleDraftMs !== null) line('`postcheck review --format json` on one draft, spawn to exit (median)', ms(r.cliSingleDraftMs));
  line('peak RSS of the bench process (postcheck and peers loaded)', `${Math.round(r.postcheck.maxRssKiBInProcess / 1024)} MiB`);
  const slow = r.postcheck.slowShapes.slice(0, 3).map((x) => `${x.name} ${ms(x.maxMs)}`).join(', ');
  line('first review of the 40,000-character draft (a one-off: compiles the long-draft paths; not in its timed runs)', ms(r.postcheck.long.firstMs));
  line('slowest 40,000-character shapes', slow || '–');
  const prof = r.postcheck.profile;
  line(
    'where review time goes (posts, the long draft, the slow shapes once each)',
    `detectors ${Math.round((prof.detectorsMs / prof.totalMs) * 100)}%, engine itself ${Math.round((prof.engineOwnMs / prof.totalMs) * 100)}% of ${ms(prof.totalMs)}`,
  );
  line('costliest rules (their detector, inside real reviews)', r.postcheck.costliestRules.slice(0, 4).map((c) => `${c.rule} ${ms(c.ms)}`).join(', '));
  rows.push('');
  line('target', 'goal', 'measured', 'met');
  line('---', '---:', '---:', ':---:');
  const t = r.targets;
  const show = (k: string, label: string, goal: string, fmt: (v: number) => string) => {
    const x = t[k];
    if (!x) return;
    line(label, goal, x.value === null ? '–' : fmt(x.value), x.met === null ? '–' : mark(x.met));
  };
  show('medianMs', 'median per typical post', `≤ ${TARGETS.medianMs} ms`, ms);
  show('timesAlex', 'throughput vs alex, in process', `≥ ${TARGETS.timesAlex}×`, ratio);
  const biggest = r.wholeProcess[r.wholeProcess.length - 1]?.posts ?? 0;
  show('timesAlexWholeProcess', `throughput vs alex, whole processes (${biggest} posts, all ${r.cpus} cores)`, `≥ ${TARGETS.timesAlex}×`, ratio);
  show('timesAlexWholeProcessOneThread', `throughput vs alex, whole processes (${biggest} posts, one thread)`, `≥ ${TARGETS.timesAlex}×`, ratio);
  show('longP99Ms', 'p99 of a 40,000-character draft', `≤ ${TARGETS.longP99Ms} ms`, ms);
  show('startMs', 'process start to first review', `< ${TARGETS.startMs} ms`, ms);
  return rows.join('\n');
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
