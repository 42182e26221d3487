import { describe, expect, it } from 'vitest';
import { batched } from './batching.js';

/** A run() that records its batches and answers each item doubled, after the test releases it. */
function recorder(options: { failWhen?: (items: number[]) => boolean } = {}) {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  let running = 0;
  let mostRunning = 0;
  const run = async (items: number[]) => {
    batches.push(items);
    running++;
    mostRunning = Math.max(mostRunning, running);
    await new Promise<void>((resolve) => releases.push(resolve));
    running--;
    if (options.failWhen?.(items)) throw new Error(`refused ${items.join(',')}`);
    return items.map((i) => i * 2);
  };
  const releaseAll = async () => {
    // Release every batch started so far, then let the next ones start, until none is left.
    for (let rounds = 0; rounds < 20; rounds++) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.splice(0).forEach((release) => release());
    }
  };
  return { run, batches, releaseAll, mostRunning: () => mostRunning };
}

describe('batched', () => {
  it('sends a lone call on its own and calls made meanwhile together, each getting its own result', async () => {
    const r = recorder();
    const call = batched(r.run, { maxInFlight: 1, maxSize: 10, keyOf: (i) => String(i) });
    const first = call(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [call(2), call(3), call(4)];
    await r.releaseAll();
    expect(await first).toBe(2);
    expect(await Promise.all(later)).toEqual([4, 6, 8]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps at most maxInFlight batches on their way and no batch above maxSize', async () => {
    const r = recorder();
    const call = batched(r.run, { maxInFlight: 2, maxSize: 3, keyOf: (i) => String(i) });
    const results = Promise.all(Array.from({ length: 10 }, (_, i) => call(i)));
    await r.releaseAll();
    expect(await results).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
    expect(r.mostRunning()).toBe(2);
    expect(Math.max(...r.batches.map((b) => b.length))).toBe(3);
    expect(r.batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('never puts two calls with one key in one batch, and runs them in the order they were made', async () => {
    const r = recorder();
    // Key: the tens; 11, 12 and 13 share one.
    const call = batched(r.run, { maxInFlight: 1, maxSize: 10, keyOf: (i) => String(Math.floor(i / 10)) });
    const results = Promise.all([11, 21, 12, 31, 13].map(call));
    await r.releaseAll();
    expect(await results).toEqual([22, 42, 24, 62, 26]);
    expect(r.batches).toEqual([[11, 21, 31], [12], [13]]);
  });

  it('does not send a key while a batch holding it is on its way, even with room for another batch', async () => {
    const r = recorder();
    const call = batched(r.run, { maxInFlight: 2, maxSize: 10, keyOf: (i) => String(Math.floor(i / 10)) });
    const first = call(11);
    await new Promise((resolve) => setImmediate(resolve));
    // 11 is on its way: 12 waits for it although a second batch could go; 21 may go at once.
    const later = Promise.all([call(12), call(21)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.batches).toEqual([[11], [21]]);
    await r.releaseAll();
    expect([await first, ...(await later)]).toEqual([22, 24, 42]);
    expect(r.batches).toEqual([[11], [21], [12]]);
  });

  it('tries the calls of a failed batch one by one, so only the bad one fails', async () => {
    const r = recorder({ failWhen: (items) => items.includes(13) });
    const call = batched(r.run, { maxInFlight: 1, maxSize: 10, keyOf: (i) => String(i) });
    const settled = Promise.allSettled([11, 12, 13, 14].map(call));
    await r.releaseAll();
    const outcome = (await settled).map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message));
    expect(outcome).toEqual([22, 24, 'refused 13', 28]);
  });

  it('refuses a run that answers with another number of results than items', async () => {
    const call = batched(async (items: number[]) => items.slice(1), { maxInFlight: 1, maxSize: 10, keyOf: String });
    await expect(call(1)).rejects.toThrow('a batch of 1 answered with 0 results');
  });
});
