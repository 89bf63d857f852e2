/**
 * A value computed per text, kept for the last few texts asked about. One
 * review asks about its post again and again, with a sentence or two in
 * between (the identifiers read sentence by sentence), so a single slot would
 * be thrown away and rebuilt at every switch.
 */
export function memoByText<V>(make: (text: string) => V, size = 4): (text: string) => V {
  const texts: string[] = [];
  const values: V[] = [];
  let next = 0;
  return (text) => {
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return values[i] as V;
    const value = make(text);
    texts[next] = text;
    values[next] = value;
    next = (next + 1) % size;
    return value;
  };
}
