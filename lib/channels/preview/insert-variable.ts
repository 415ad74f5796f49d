import { type ChannelKey, isPublicChannel } from "../catalogue";
import { FACT_PREFIX, formatVariable, listChannelVariables } from "../variables";

/** A fact as the editor knows it: its value is shown in previews and counted in lengths. */
export interface EditorFact {
  key: string;
  visibility: "public" | "internal";
  value: string;
}

export interface InsertResult {
  value: string;
  /** Where the caret goes: right after the inserted text. */
  caret: number;
}

/**
 * Replaces the selection [start, end) of `value` with `insertion`. Offsets come from a textarea's
 * selectionStart/selectionEnd, which may be stale after an outside change: they are clamped and ordered.
 */
export function insertAtSelection(
  value: string,
  start: number,
  end: number,
  insertion: string,
): InsertResult {
  const clamp = (offset: number) =>
    Math.min(Math.max(0, Number.isFinite(offset) ? offset : value.length), value.length);
  const from = Math.min(clamp(start), clamp(end));
  const to = Math.max(clamp(start), clamp(end));
  return { value: value.slice(0, from) + insertion + value.slice(to), caret: from + insertion.length };
}

export interface PickerVariable {
  /** The text inserted, `{{customer.firstName}}`. */
  token: string;
  name: string;
  label: string;
  /** What the preview shows for it. */
  example: string;
}

export interface PickerFact extends PickerVariable {
  visibility: "public" | "internal";
}

/**
 * What the variable picker offers in a channel: the catalogue variables the channel allows and the facts.
 * Internal facts are left out of public channels (social, chatbot): checkAnswer refuses them there whatever
 * the article's visibility, so offering them would only plant an error.
 */
export function listPickerOptions(
  channel: ChannelKey,
  facts: readonly EditorFact[],
): { variables: PickerVariable[]; facts: PickerFact[] } {
  const variables = listChannelVariables(channel).map((variable) => ({
    token: formatVariable(variable.name),
    name: variable.name,
    label: variable.label.it,
    example: variable.example,
  }));
  const publicOnly = isPublicChannel(channel);
  const pickerFacts = facts
    .filter((fact) => !publicOnly || fact.visibility === "public")
    .map((fact) => ({
      token: formatVariable(FACT_PREFIX + fact.key),
      name: FACT_PREFIX + fact.key,
      label: fact.key,
      example: fact.value,
      visibility: fact.visibility,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { variables, facts: pickerFacts };
}
