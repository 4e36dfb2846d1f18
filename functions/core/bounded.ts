// Work over many items with at most `limit` in flight: reads of a round's reports, sends of the
// deadline job. One small pool for the core (no dependency, no AWS), results in the items' order.

/** `work` over every item, at most `limit` at once; the results in the items' order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
