import type { RenderedAnswer } from "@/lib/channels";
import { fillHtml, fillText, listMissing, type VariableValues } from "./variables";

export interface ClipboardPayload {
  /** text/plain: what every target accepts. For email the subject comes first, as "Oggetto: …". */
  text: string;
  /** text/html, email only: the rich body for mail clients (the subject goes in the subject field). */
  html: string | null;
  /** Variables still without a value: their `{{name}}` tokens are in `text` (and `html`). */
  missing: string[];
}

/** What "Copia" puts on the clipboard for an answer, with the agent's values filled in. */
export function buildClipboardPayload(answer: RenderedAnswer, values: VariableValues): ClipboardPayload {
  if (answer.channel === "email") {
    const subject = fillText(answer.subject, values);
    const body = fillText(answer.text, values);
    return {
      text: subject ? `Oggetto: ${subject}\n\n${body}` : body,
      html: fillHtml(answer.html, values),
      missing: listMissing([answer.subject, answer.text], values),
    };
  }
  return { text: fillText(answer.text, values), html: null, missing: listMissing([answer.text], values) };
}

/** The texts of an answer that may hold variables (the form shows the ones they use). */
export function answerTexts(answer: RenderedAnswer): string[] {
  return answer.channel === "email" ? [answer.subject, answer.text] : [answer.text];
}
