/**
 * The peers the benchmark compares postcheck with, each as "review one
 * text, count what it found", loaded only when asked for so that each tool
 * pays its own import cost and no other.
 */
export type PeerName = 'alex' | 'write-good';
export const PEERS: readonly PeerName[] = ['alex', 'write-good'];

export type Checker = (text: string) => number;

export async function loadPeer(name: PeerName): Promise<Checker> {
  if (name === 'alex') {
    // Plain-text mode: the posts are not Markdown, and it is alex's cheaper entry.
    const { text } = await import('alex');
    return (t) => text(t).messages.length;
  }
  const { default: writeGood } = await import('write-good');
  return (t) => writeGood(t).length;
}
