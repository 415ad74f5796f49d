import { diffWordsWithSpace } from "diff";
import { ANSWER_CHANNELS, CHANNELS, type ChannelKey, isChannelKey } from "@/lib/channels";

// Pure shaping of a word-by-word diff between two versions' content: no database, safe in any module and in
// unit tests. lib/versions/compare.ts loads the versions and calls buildDiffSections.

/** A run of text: unchanged when neither flag is set. */
export type DiffPart = { value: string; added?: true; removed?: true };

export type DiffSection = {
  /** `title`, `summary`, `body`, `answer.<channel>` or `answer.email.subject`. */
  key: string;
  label: string;
  changed: boolean;
  /** Set when a channel answer exists on one side only: the whole text is added or removed. */
  presence?: "added" | "removed";
  parts: DiffPart[];
};

export type DiffableAnswer = { channel: string; subject: string | null; body: string };
export type DiffableContent = { title: string; summary: string; body: string; answers: DiffableAnswer[] };

// Myers' diff is quadratic on texts that share little; a 100k-character body rewritten from scratch could hold a
// request for seconds. Past this budget the section is shown as "all removed, all added", which is what it is.
const DIFF_TIMEOUT_MS = 1_000;

/** Word-by-word diff of two texts, whitespace kept, so joining the unremoved parts gives `after` exactly. */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ value: before }] : [];
  const changes = diffWordsWithSpace(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return wholeReplacement(before, after);
  const parts: DiffPart[] = [];
  for (const change of changes) {
    if (!change.value) continue;
    if (change.added) parts.push({ value: change.value, added: true });
    else if (change.removed) parts.push({ value: change.value, removed: true });
    else parts.push({ value: change.value });
  }
  return parts;
}

function wholeReplacement(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (before) parts.push({ value: before, removed: true });
  if (after) parts.push({ value: after, added: true });
  return parts;
}

function section(key: string, label: string, before: string, after: string): DiffSection {
  return { key, label, changed: before !== after, parts: diffText(before, after) };
}

function presenceSection(
  key: string,
  label: string,
  text: string,
  presence: "added" | "removed",
): DiffSection {
  return {
    key,
    label,
    changed: true,
    presence,
    parts: text ? [presence === "added" ? { value: text, added: true } : { value: text, removed: true }] : [],
  };
}

/** Italian label of a channel answer section, as the editor labels its fields ("Risposta SMS"). */
function answerLabel(channel: ChannelKey): string {
  return `Risposta ${CHANNELS[channel].label.it}`;
}

/**
 * Sections to show side by side: title, summary, body, then every channel answer present in either version, in
 * the catalogue's channel order (CHANNELS.md). The e-mail subject is its own section, before the e-mail body.
 */
export function buildDiffSections(from: DiffableContent, to: DiffableContent): DiffSection[] {
  const sections = [
    section("title", "Titolo", from.title, to.title),
    section("summary", "Sommario", from.summary, to.summary),
    section("body", "Testo", from.body, to.body),
  ];
  const before = new Map(from.answers.filter((a) => isChannelKey(a.channel)).map((a) => [a.channel, a]));
  const after = new Map(to.answers.filter((a) => isChannelKey(a.channel)).map((a) => [a.channel, a]));
  for (const channel of ANSWER_CHANNELS) {
    const old = before.get(channel);
    const next = after.get(channel);
    if (!old && !next) continue;
    const key = `answer.${channel}`;
    const subjectKey = `${key}.subject`;
    const subjectLabel = "Oggetto e-mail";
    if (old && next) {
      if (channel === "email" && (old.subject || next.subject)) {
        sections.push(section(subjectKey, subjectLabel, old.subject ?? "", next.subject ?? ""));
      }
      sections.push(section(key, answerLabel(channel), old.body, next.body));
      continue;
    }
    const only = (old ?? next) as DiffableAnswer;
    const presence = next ? "added" : "removed";
    if (channel === "email" && only.subject) {
      sections.push(presenceSection(subjectKey, subjectLabel, only.subject, presence));
    }
    sections.push(presenceSection(key, answerLabel(channel), only.body, presence));
  }
  return sections;
}

/** The text of one side: the old side drops added parts, the new side drops removed ones. */
export function sideOf<P extends DiffPart>(parts: P[], side: "old" | "new"): P[] {
  return parts.filter((p) => (side === "old" ? !p.added : !p.removed));
}

/** A run of one side as shown: `elided` runs are unchanged text folded away (the page lets the reader unfold it). */
export type ShownPart = DiffPart & { elided?: true };

/** Moves a cut to the nearest whitespace within a few characters, so folding never splits a word. */
function softCut(text: string, at: number): number {
  const window = 40;
  for (let d = 0; d <= window; d++) {
    if (/\s/.test(text[at + d] ?? "")) return at + d;
    if (/\s/.test(text[at - d] ?? "")) return at - d;
  }
  return at;
}

/**
 * Folds long unchanged runs, keeping `context` characters next to each change, so a one-word edit in a long article
 * is found at a glance. Fold before sideOf: both sides then fold the same runs and stay aligned. Nothing is dropped:
 * joining every part's value gives the full text.
 */
export function foldUnchanged(parts: DiffPart[], context = 200): ShownPart[] {
  if (!parts.some((p) => p.added || p.removed)) return parts;
  const out: ShownPart[] = [];
  parts.forEach((part, i) => {
    const first = i === 0;
    const last = i === parts.length - 1;
    const keep = (first || last ? 1 : 2) * context;
    if (part.added || part.removed || part.value.length <= keep + 2 * context) {
      out.push(part);
      return;
    }
    const { value } = part;
    const start = first ? 0 : softCut(value, context);
    const end = last ? value.length : softCut(value, value.length - context);
    if (start > 0) out.push({ value: value.slice(0, start) });
    out.push({ value: value.slice(start, end), elided: true });
    if (end < value.length) out.push({ value: value.slice(end) });
  });
  return out;
}
