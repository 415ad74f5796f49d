import { WORDS_PER_MINUTE } from "./catalogue";

/** Words as a listener hears them: runs of text holding a letter or a digit ("–" or "-" alone is silent). */
export function countSpokenWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Seconds needed to read `text` aloud at 150 words a minute, rounded up. */
export function estimateReadAloudSeconds(text: string): number {
  return Math.ceil((countSpokenWords(text) * 60) / WORDS_PER_MINUTE);
}

/** Characters as people count them: code points, so an accented letter or an emoji counts once. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
