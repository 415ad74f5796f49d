// The in-process buffer behind recordUsageEvent (issue 5 point 6): recording is a push onto an array, so a search
// never waits for SQLite; a flush writes what accumulated in one transaction every `intervalMs`, or as soon as
// `maxBatch` events are waiting. No I/O and no Node-only imports here, so the batching is unit-tested with fake
// timers and a fake writer.

export type UsageBufferOptions<E> = {
  /** Writes one batch; synchronous (better-sqlite3). Throwing keeps the batch for the next flush. */
  write: (events: E[]) => void;
  intervalMs?: number;
  maxBatch?: number;
  /** Beyond this many waiting events (SQLite failing for minutes) the oldest are dropped, not memory. */
  maxBuffered?: number;
  /** Consecutive failures of the same batch before it is dropped. */
  maxAttempts?: number;
  onError?: (error: unknown) => void;
};

export type UsageBuffer<E> = {
  /** O(1), no I/O: appends and makes sure a flush is scheduled. */
  push: (event: E) => void;
  /** Writes everything waiting now, in batches of `maxBatch`; returns how many were written. */
  flush: () => number;
  /** Events waiting to be written. */
  pending: () => number;
  /** Events dropped because the buffer was full or their batch kept failing. */
  dropped: () => number;
  /** The last buffered event that `match` accepts, while it is still unwritten (to collapse search-as-you-type). */
  replaceLast: (match: (event: E) => boolean, next: E) => boolean;
  /** Cancels the timer; waiting events stay until the next flush. */
  stop: () => void;
};

export function createUsageBuffer<E>(options: UsageBufferOptions<E>): UsageBuffer<E> {
  const intervalMs = options.intervalMs ?? 1000;
  const maxBatch = options.maxBatch ?? 200;
  const maxBuffered = options.maxBuffered ?? 20_000;
  let buffer: E[] = [];
  let droppedCount = 0;
  let failures = 0;
  const maxAttempts = options.maxAttempts ?? 5;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let immediate = false;

  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      flush();
    }, intervalMs);
    // A pending flush must not keep a script or a test alive; the exit hook writes what is left.
    (timer as { unref?: () => void }).unref?.();
  };

  const flush = (): number => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    let written = 0;
    while (buffer.length > 0) {
      const batch = buffer.slice(0, maxBatch);
      try {
        options.write(batch);
        failures = 0;
      } catch (error) {
        options.onError?.(error);
        // A batch that keeps failing (a row the database refuses) must not block every later event.
        if (++failures >= maxAttempts) {
          buffer = buffer.slice(batch.length);
          droppedCount += batch.length;
          failures = 0;
          continue;
        }
        schedule();
        break;
      }
      buffer = buffer.slice(batch.length);
      written += batch.length;
    }
    return written;
  };

  return {
    push(event) {
      if (buffer.length >= maxBuffered) {
        // A batch at a time, so a long outage costs one copy per maxBatch events, not one per event.
        const drop = Math.min(maxBatch, buffer.length);
        buffer = buffer.slice(drop);
        droppedCount += drop;
      }
      buffer.push(event);
      if (buffer.length >= maxBatch && !immediate) {
        // Off the current request: the flush runs after this tick's I/O callbacks.
        immediate = true;
        setImmediate(() => {
          immediate = false;
          flush();
        });
      } else {
        schedule();
      }
    },
    flush,
    pending: () => buffer.length,
    dropped: () => droppedCount,
    replaceLast(match, next) {
      for (let i = buffer.length - 1; i >= 0 && i >= buffer.length - 50; i--) {
        const event = buffer[i];
        if (event !== undefined && match(event)) {
          buffer[i] = next;
          return true;
        }
      }
      return false;
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
