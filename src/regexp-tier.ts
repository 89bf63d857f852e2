/**
 * Imported first by every entry point (CLI, app, bench): V8 runs a regular
 * expression in its bytecode interpreter the first time and compiles it to
 * machine code only when it runs again. The catalogue has about a thousand
 * patterns, many of them long alternations of phrases, which the interpreter
 * runs many times slower than compiled code; a process reviewing its first
 * hundred posts spent about 0.3 s of 0.7 s in those first interpreted runs.
 * Compiling on first use costs the same compile once and skips them.
 *
 * The flag is read when a pattern is first run, so setting it while the
 * process runs is enough; it changes speed only, never what matches.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
