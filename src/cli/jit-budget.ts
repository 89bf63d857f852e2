/**
 * Imported first by the command and its batch worker. V8 hands a function to
 * its optimising compiler once it has run about 66 KB of bytecode. A batch
 * lives a second or two with both cores busy reviewing, and the compiler
 * works on those same cores: on 2,000 posts it optimised about 230
 * functions, ~0.6 s of the batch's ~2.9 s of CPU, mostly for functions that
 * had little of the batch left to run.
 * Waiting for fifteen times as much bytecode leaves ~45 optimisations to the
 * functions that run the most. The 2,000 posts then take ~1.38 s instead of
 * ~1.58 s, and 600 posts take 0.79 s instead of 0.96 s. 20,000 posts take
 * as long as before, and one thread (--jobs 1) too: there the compiler has
 * the other core to itself.
 *
 * The Slack app and the benchmark's in-process timings keep V8's default: a
 * long-lived process reviewing one draft at a time leaves the compiler a
 * free core. Like regexp-tier.ts, this changes speed only, never a result.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--interrupt-budget=1000000');
