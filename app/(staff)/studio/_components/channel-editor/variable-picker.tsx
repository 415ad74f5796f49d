"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { ChannelKey } from "@/lib/channels";
import { type EditorFact, listPickerOptions, type PickerVariable } from "@/lib/channels/preview";
import styles from "./channel-editor.module.css";

interface VariablePickerProps {
  channel: ChannelKey;
  facts: readonly EditorFact[];
  /** Inserts the `{{name}}` token where the editor's caret was. */
  onInsert: (token: string) => void;
  /** Accessible hint naming the field the token goes into. */
  target: string;
}

/**
 * A disclosure rather than an ARIA menu: a list of plain buttons is reachable with Tab and read well by
 * screen readers without the roving-focus contract a menu promises.
 */
export function VariablePicker({ channel, facts, onInsert, target }: VariablePickerProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const options = useMemo(() => listPickerOptions(channel, facts), [channel, facts]);

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLButtonElement>("[data-picker-option]")?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const choose = (option: PickerVariable) => {
    setOpen(false);
    onInsert(option.token);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the picker closes it; the options are buttons
    <div
      ref={rootRef}
      className={styles.picker}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          triggerRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        // Tabbing out of the list closes it, so it never hides the next field.
        if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={triggerRef}
        type="button"
        className={styles.pickerButton}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Inserisci variabile
      </button>
      <div id={panelId} className={styles.pickerPanel} hidden={!open}>
        <p className={styles.hint}>Inserisce nel campo «{target}» dove si trova il cursore.</p>
        <p className={styles.pickerGroupTitle} id={`${panelId}-variables`}>
          Variabili
        </p>
        <ul className={styles.pickerList} aria-labelledby={`${panelId}-variables`}>
          {options.variables.map((option) => (
            <li key={option.name}>
              <button
                type="button"
                className={styles.pickerOption}
                data-picker-option
                onClick={() => choose(option)}
              >
                <span className={styles.pickerToken}>{option.token}</span>
                <span className={styles.pickerMeta}>
                  {option.label} · es. {option.example}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <p className={styles.pickerGroupTitle} id={`${panelId}-facts`}>
          Dati condivisi
        </p>
        {options.facts.length === 0 ? (
          <p className={styles.pickerEmpty}>Nessun dato condiviso disponibile per questo canale.</p>
        ) : (
          <ul className={styles.pickerList} aria-labelledby={`${panelId}-facts`}>
            {options.facts.map((option) => (
              <li key={option.name}>
                <button
                  type="button"
                  className={styles.pickerOption}
                  data-picker-option
                  onClick={() => choose(option)}
                >
                  <span className={styles.pickerToken}>{option.token}</span>
                  <span className={styles.pickerMeta}>
                    {option.visibility === "internal" ? "interno · " : ""}
                    {option.example === "" ? "senza valore" : option.example}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
