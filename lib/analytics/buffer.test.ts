import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createUsageBuffer } from "./buffer";

describe("usage event buffer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes nothing while recording, then one batch after the interval", () => {
    const batches: number[][] = [];
    const buffer = createUsageBuffer<number>({ write: (b) => batches.push([...b]), intervalMs: 1000 });
    for (let i = 0; i < 5; i++) buffer.push(i);
    expect(batches).toEqual([]);
    expect(buffer.pending()).toBe(5);
    vi.advanceTimersByTime(999);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[0, 1, 2, 3, 4]]);
    expect(buffer.pending()).toBe(0);
  });

  it("flushes as soon as a full batch is waiting, but not inside the push", () => {
    const batches: number[][] = [];
    const buffer = createUsageBuffer<number>({ write: (b) => batches.push([...b]), maxBatch: 3 });
    buffer.push(1);
    buffer.push(2);
    buffer.push(3);
    expect(batches).toEqual([]);
    vi.runOnlyPendingTimers(); // setImmediate
    expect(batches[0]).toEqual([1, 2, 3]);
  });

  it("splits a large backlog into batches of maxBatch", () => {
    const sizes: number[] = [];
    const buffer = createUsageBuffer<number>({ write: (b) => sizes.push(b.length), maxBatch: 200 });
    for (let i = 0; i < 450; i++) buffer.push(i);
    expect(buffer.flush()).toBe(450);
    expect(sizes).toEqual([200, 200, 50]);
  });

  it("keeps a batch that failed and retries it at the next interval", () => {
    let fail = true;
    const written: number[] = [];
    const onError = vi.fn();
    const buffer = createUsageBuffer<number>({
      write: (b) => {
        if (fail) throw new Error("database is locked");
        written.push(...b);
      },
      onError,
    });
    buffer.push(1);
    buffer.push(2);
    expect(buffer.flush()).toBe(0);
    expect(onError).toHaveBeenCalledOnce();
    expect(buffer.pending()).toBe(2);
    fail = false;
    vi.advanceTimersByTime(1000);
    expect(written).toEqual([1, 2]);
  });

  it("drops a batch that keeps failing, so later events still get written", () => {
    const written: number[] = [];
    const buffer = createUsageBuffer<number>({
      write: (b) => {
        if (b.includes(13)) throw new Error("FOREIGN KEY constraint failed");
        written.push(...b);
      },
      maxBatch: 2,
      maxAttempts: 3,
    });
    buffer.push(12);
    buffer.push(13);
    buffer.push(14);
    buffer.flush();
    buffer.flush();
    expect(buffer.pending()).toBe(3);
    buffer.flush();
    expect(buffer.dropped()).toBe(2);
    expect(written).toEqual([14]);
  });

  it("drops the oldest events rather than growing without bound", () => {
    const buffer = createUsageBuffer<number>({ write: () => {}, maxBuffered: 3, maxBatch: 2 });
    for (let i = 0; i < 5; i++) buffer.push(i);
    expect(buffer.pending()).toBe(3);
    expect(buffer.dropped()).toBe(2);
    buffer.stop();
  });

  it("replaces a waiting event in place (search as you type)", () => {
    const batches: string[][] = [];
    const buffer = createUsageBuffer<string>({ write: (b) => batches.push([...b]) });
    buffer.push("bol");
    buffer.push("other");
    expect(buffer.replaceLast((e) => e === "bol", "bolletta")).toBe(true);
    buffer.flush();
    expect(batches).toEqual([["bolletta", "other"]]);
    expect(buffer.replaceLast((e) => e === "bolletta", "x")).toBe(false);
  });

  it("pushing 100k events stays cheap (no per-event I/O or scan)", () => {
    const buffer = createUsageBuffer<number>({
      write: () => {},
      maxBatch: 1_000_000,
      maxBuffered: 1_000_000,
    });
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) buffer.push(i);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
