"use client";

import { useId } from "react";
import { SHORTCUTS } from "@/lib/console";
import { ModalDialog } from "./modal-dialog";

/** The `?` overlay: every shortcut of lib/console/keyboard.ts. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const titleId = useId();
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={titleId} className="console-dialog">
      <h2 id={titleId}>Scorciatoie da tastiera</h2>
      <table className="list shortcut-list">
        <thead>
          <tr>
            <th scope="col">Tasto</th>
            <th scope="col">Azione</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys.join(" ")}>
              <td>
                {shortcut.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? " o " : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Le lettere e le cifre funzionano fuori dai campi di testo; <kbd>Ctrl+Invio</kbd> copia anche da un
        campo.
      </p>
      <form method="dialog">
        <button type="submit" className="primary">
          Chiudi
        </button>
      </form>
    </ModalDialog>
  );
}
