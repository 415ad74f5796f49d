import { describe, expect, it } from "vitest";
import { ANSWER_CHANNELS } from "@/lib/channels";
import { channelForDigit, type KeyInput, moveSelection, resolveShortcut, SHORTCUTS } from "./keyboard";

const press = (key: string, extra: Partial<KeyInput> = {}) =>
  resolveShortcut({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    focus: "other",
    panelOpen: true,
    ...extra,
  });

describe("resolveShortcut", () => {
  it("moves and opens from the search box, where letters and digits are typed", () => {
    expect(press("ArrowDown", { focus: "search" })).toEqual({ type: "move", delta: 1 });
    expect(press("ArrowUp", { focus: "search" })).toEqual({ type: "move", delta: -1 });
    expect(press("Enter", { focus: "search" })).toEqual({ type: "open" });
    for (const key of ["6", "c", "/", "?", "t", "v"]) expect(press(key, { focus: "search" })).toBeNull();
  });

  it("leaves single keys to text fields", () => {
    for (const key of ["6", "c", "/", "?", "ArrowDown", "Enter"]) {
      expect(press(key, { focus: "field" })).toBeNull();
    }
  });

  it("copies with c outside fields and Ctrl/⌘+Enter anywhere, only with an open panel", () => {
    expect(press("c")).toEqual({ type: "copy" });
    expect(press("Enter", { ctrlKey: true, focus: "field" })).toEqual({ type: "copy" });
    expect(press("Enter", { metaKey: true, focus: "search" })).toEqual({ type: "copy" });
    expect(press("c", { panelOpen: false })).toBeNull();
    expect(press("Enter", { ctrlKey: true, panelOpen: false })).toBeNull();
  });

  it("picks channels by digit in ANSWER_CHANNELS order", () => {
    expect(press("1")).toEqual({ type: "channel", channel: "phone" });
    expect(press("6")).toEqual({ type: "channel", channel: "sms" });
    expect(press("8")).toEqual({ type: "channel", channel: "chatbot" });
    expect(press("9")).toBeNull();
    expect(press("0")).toBeNull();
  });

  it("maps /, ?, t, v and Esc", () => {
    expect(press("/")).toEqual({ type: "focus-search" });
    expect(press("/", { panelOpen: false })).toEqual({ type: "focus-search" });
    expect(press("?", { panelOpen: false })).toEqual({ type: "help" });
    expect(press("t")).toEqual({ type: "teleprompter" });
    expect(press("v")).toEqual({ type: "focus-variables" });
    expect(press("Escape")).toEqual({ type: "escape" });
    expect(press("Escape", { focus: "field" })).toEqual({ type: "escape" });
    expect(press("Escape", { focus: "search" })).toEqual({ type: "escape" });
    // Without a panel, Esc in the search box keeps its native meaning (clear the box).
    expect(press("Escape", { focus: "search", panelOpen: false })).toBeNull();
  });

  it("ignores Alt combinations and other modified keys (browser shortcuts)", () => {
    expect(press("c", { altKey: true })).toBeNull();
    expect(press("c", { ctrlKey: true })).toBeNull();
    expect(press("1", { metaKey: true })).toBeNull();
  });
});

describe("channelForDigit and moveSelection", () => {
  it("maps every channel to one digit", () => {
    expect(ANSWER_CHANNELS.map((_, i) => channelForDigit(String(i + 1)))).toEqual([...ANSWER_CHANNELS]);
    expect(channelForDigit("x")).toBeNull();
  });

  it("wraps around and starts at the first or last result", () => {
    expect(moveSelection(-1, 1, 3)).toBe(0);
    expect(moveSelection(-1, -1, 3)).toBe(2);
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(0, -1, 3)).toBe(2);
    expect(moveSelection(0, 1, 0)).toBe(-1);
  });
});

describe("SHORTCUTS", () => {
  it("lists every key the handler knows", () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    for (const key of ["/", "↓", "↑", "Invio", "1", "8", "c", "Ctrl+Invio", "t", "v", "Esc", "?"]) {
      expect(keys).toContain(key);
    }
  });
});
