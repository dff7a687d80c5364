/**
 * A pure function's answers, remembered. The extractor asks the same small questions again and
 * again (a name's parts, a folded word, whether a word is a title), within a document and across
 * documents. The memory is bounded: when full it starts over, so a batch run over tens of
 * thousands of documents, with a copy in each worker thread, keeps its memory flat. The bound is
 * small for the same reason: a document's own repeats are what pays.
 */
export function remembered<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key: K): V => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      value = compute(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    }
    return value as V;
  };
}
