/**
 * Preloaded with `node --import` into a process the benchmark runs: at exit,
 * writes the process's peak resident memory (KiB) to $BENCH_RSS_FILE, so each
 * tool's whole process is measured the same way without changing the tool.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
