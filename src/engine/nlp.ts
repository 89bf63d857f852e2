/**
 * compromise, shared: parsing costs about a millisecond and a half per post,
 * so detectors parse only the stretches a cheap prefilter selected, and two
 * detectors asking for the same stretch share one parse.
 */
import nlp from 'compromise';

export type Doc = ReturnType<typeof nlp>;

export type Parse = (start: number, end: number) => Doc;

export function createParser(text: string): Parse {
  const cache = new Map<string, Doc>();
  return (start, end) => {
    const key = `${start}:${end}`;
    let doc = cache.get(key);
    if (!doc) {
      doc = nlp(text.slice(start, end));
      cache.set(key, doc);
    }
    return doc;
  };
}
