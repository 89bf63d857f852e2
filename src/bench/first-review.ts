/**
 * Process start to first review: imports the engine, reviews one post and
 * prints the times of each step (ms since the process started) as one JSON
 * line. The benchmark spawns it and also measures the wall time around it.
 *
 *   node dist/bench/first-review.js "draft text"
 */
const t0 = performance.now();
await import('../regexp-tier.js');
const engine = await import('../engine/index.js');
const imported = performance.now();
engine.getEngine();
const loaded = performance.now();
const review = engine.review(process.argv[2] ?? 'My patient had a slipped disc.');
const reviewed = performance.now();
process.stdout.write(
  `${JSON.stringify({ start: t0, imported, loaded, reviewed, findings: review.findings.length })}\n`,
);
