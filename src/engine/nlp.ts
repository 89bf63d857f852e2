/**
 * compromise, shared: parsing costs about a millisecond and a half per post,
 * so detectors parse only the stretches a cheap prefilter selected, and two
 * detectors asking for the same stretch share one parse.
 *
 * Loading compromise is also costly, so it is loaded on first need, not at
 * import: a process whose posts never reach a parse never pays for it. Its
 * CommonJS build is one file and loads in about a third of the time of its
 * ES module tree (hundreds of files), and `require` keeps the load
 * synchronous, inside the review that first needs it.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

export type Nlp = typeof nlpType;
export type Doc = ReturnType<Nlp>;

export type Parse = (start: number, end: number) => Doc;

let loaded: Nlp | undefined;

/** compromise itself, loaded on the first call. */
export function getNlp(): Nlp {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return loaded;
}

export function createParser(text: string): Parse {
  const cache = new Map<string, Doc>();
  return (start, end) => {
    const key = `${start}:${end}`;
    let doc = cache.get(key);
    if (!doc) {
      doc = getNlp()(text.slice(start, end));
      cache.set(key, doc);
    }
    return doc;
  };
}
