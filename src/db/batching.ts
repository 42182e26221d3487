/**
 * Group commit for small writes: calls that arrive while a batch is on its way to the database wait
 * and then go together, as one statement, in the next batch. A lone call goes at once (on the next
 * turn of the event loop, so calls that arrive in the same turn share it); under load the batches
 * grow by themselves. Each call still resolves only once its own batch has committed.
 *
 * A round trip, a statement's start and a commit are most of what a one-row write costs, on the
 * server's side and on ours, so sending ten together costs little more than sending one.
 */
export interface BatchOptions<I> {
  /** Batches on their way at the same time; more calls wait for one of them to return. */
  maxInFlight: number;
  /** The largest batch. */
  maxSize: number;
  /**
   * Calls with the same key never share a batch, nor go while a batch with that key is on its way:
   * the later one waits, so calls with one key run one after the other, in the order they were made
   * (and one row written twice in one statement would be an error).
   */
  keyOf: (item: I) => string;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * `run` gets the items of a batch and answers with one result per item, in their order. When a batch
 * of several fails, each of its items is tried again on its own, so one bad call fails alone.
 */
export function batched<I, O>(run: (items: I[]) => Promise<O[]>, options: BatchOptions<I>): (item: I) => Promise<O> {
  let waiting: Array<Pending<I, O>> = [];
  let inFlight = 0;
  /** The keys of the batches on their way. */
  const busy = new Set<string>();
  let scheduled = false;

  const settle = async (batch: Array<Pending<I, O>>) => {
    try {
      const results = await run(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered with ${results.length} results`);
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map((p) => settle([p])));
    }
  };

  const take = (): Array<Pending<I, O>> => {
    const batch: Array<Pending<I, O>> = [];
    // A key on its way or taken for this batch (or passed over) keeps its later calls waiting, in
    // their order.
    const passed = new Set<string>(busy);
    const left: Array<Pending<I, O>> = [];
    for (const p of waiting) {
      const key = options.keyOf(p.item);
      if (batch.length < options.maxSize && !passed.has(key)) batch.push(p);
      else left.push(p);
      passed.add(key);
    }
    waiting = left;
    return batch;
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const batch = take();
      if (batch.length === 0) return; // every waiting call's key is on its way
      const keys = batch.map((p) => options.keyOf(p.item));
      keys.forEach((key) => busy.add(key));
      inFlight++;
      void settle(batch).finally(() => {
        keys.forEach((key) => busy.delete(key));
        inFlight--;
        flush();
      });
    }
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!scheduled && inFlight < options.maxInFlight) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
