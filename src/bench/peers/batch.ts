/**
 * A peer as a whole process, the same job as `postcheck review --jsonl`:
 * `{"id","text"}` lines on standard input, one `{"id","count"}` line per post
 * on standard output.
 *
 *   node dist/bench/peers/batch.js alex < posts.jsonl
 */
import { createInterface } from 'node:readline';
import { loadPeer, PEERS, type PeerName } from './tools.js';

const name = process.argv[2] as PeerName;
if (!PEERS.includes(name)) {
  process.stderr.write(`usage: batch.js ${PEERS.join('|')} < posts.jsonl\n`);
  process.exit(2);
}
const check = await loadPeer(name);
const out: string[] = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const { id, text } = JSON.parse(line) as { id: string; text: string };
  out.push(JSON.stringify({ id, count: check(text) }));
  if (out.length >= 256) process.stdout.write(`${out.splice(0).join('\n')}\n`);
}
if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
