import { ANSWER_CHANNELS, CHANNELS, type ChannelKey } from "@/lib/channels";

// The console's keyboard map, one table for the handler and for the help overlay (issue 5 point 2).

export type ConsoleAction =
  | { type: "focus-search" }
  | { type: "move"; delta: 1 | -1 }
  | { type: "open" }
  | { type: "channel"; channel: ChannelKey }
  | { type: "copy" }
  | { type: "escape" }
  | { type: "help" }
  | { type: "teleprompter" }
  | { type: "focus-variables" };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Where focus is: the search box, another text field (variables, filters, flag form), or elsewhere. */
  focus: "search" | "field" | "other";
  /** An article is open in the answer panel. */
  panelOpen: boolean;
}

/**
 * Which console action a key press means, or null to let the browser handle it. Single-character shortcuts
 * (digits, c, t, v, ?, /) act only outside text fields, so agents can type them in the search box and the form.
 * Ctrl/⌘+Enter copies from anywhere, fields included: fill a name, then copy without leaving the field.
 */
export function resolveShortcut(input: KeyInput): ConsoleAction | null {
  const { key, focus, panelOpen } = input;
  const mod = input.ctrlKey || input.metaKey;
  if (input.altKey) return null;
  if (key === "Enter" && mod) return panelOpen ? { type: "copy" } : null;
  if (mod) return null;
  if (key === "Escape") return focus === "search" && !panelOpen ? null : { type: "escape" };
  if (focus === "search") {
    if (key === "ArrowDown") return { type: "move", delta: 1 };
    if (key === "ArrowUp") return { type: "move", delta: -1 };
    if (key === "Enter") return { type: "open" };
    return null;
  }
  if (focus === "field") return null;
  if (key === "/") return { type: "focus-search" };
  if (key === "?") return { type: "help" };
  if (!panelOpen) return null;
  const channel = channelForDigit(key);
  if (channel) return { type: "channel", channel };
  if (key === "c" || key === "C") return { type: "copy" };
  if (key === "t" || key === "T") return { type: "teleprompter" };
  if (key === "v" || key === "V") return { type: "focus-variables" };
  return null;
}

/**
 * Digit n is always the n-th channel of ANSWER_CHANNELS (6 is always SMS), whatever the article holds, so the
 * keys stay in the agent's fingers; a digit for a channel the article lacks does nothing.
 */
export function channelForDigit(key: string): ChannelKey | null {
  if (!/^[1-9]$/.test(key)) return null;
  return ANSWER_CHANNELS[Number(key) - 1] ?? null;
}

export function digitForChannel(channel: ChannelKey): string {
  return String(ANSWER_CHANNELS.indexOf(channel) + 1);
}

/** Moves a selection through `count` results, wrapping around; -1 when there is nothing to select. */
export function moveSelection(current: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return delta === 1 ? 0 : count - 1;
  return (current + delta + count) % count;
}

export interface ShortcutHelp {
  keys: string[];
  description: string;
}

/** Every shortcut, as the help overlay lists them. */
export const SHORTCUTS: readonly ShortcutHelp[] = [
  { keys: ["/"], description: "Vai alla casella di ricerca" },
  { keys: ["↓", "↑"], description: "Scegli un risultato (dalla casella di ricerca)" },
  { keys: ["Invio"], description: "Apri il risultato scelto nel pannello della risposta" },
  ...ANSWER_CHANNELS.map((channel) => ({
    keys: [digitForChannel(channel)],
    description: `Risposta ${CHANNELS[channel].label.it} (se l'articolo la ha)`,
  })),
  { keys: ["v"], description: "Compila le variabili (nome del cliente…)" },
  {
    keys: ["c", "Ctrl+Invio"],
    description: "Copia la risposta; se mancano variabili avvisa, premi di nuovo per copiare comunque",
  },
  { keys: ["t"], description: "Teleprompter della risposta telefonica" },
  { keys: ["Esc"], description: "Torna alla ricerca (dalla ricerca: chiudi il pannello)" },
  { keys: ["?"], description: "Mostra questo aiuto (Esc per chiudere)" },
];
