#!/usr/bin/env node
/** Entry point of the installed `postcheck` command. */
import '../regexp-tier.js';
import './jit-budget.js';
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
