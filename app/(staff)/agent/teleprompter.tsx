"use client";

import { useId } from "react";
import type { VariableValues } from "@/lib/console";
import { ModalDialog } from "./modal-dialog";
import { Segments } from "./segments";

/** The phone answer in large type, to read aloud on a call, with its estimated read-aloud time. */
export function Teleprompter({
  open,
  onClose,
  title,
  text,
  values,
  seconds,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  text: string;
  values: VariableValues;
  seconds: number;
}) {
  const titleId = useId();
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={titleId} className="console-dialog teleprompter">
      <div className="teleprompter-head">
        <h2 id={titleId}>Teleprompter · {title}</h2>
        <p className="muted">circa {seconds} s letto ad alta voce · Esc per chiudere</p>
      </div>
      <p className="teleprompter-text">
        <Segments text={text} values={values} />
      </p>
      <form method="dialog">
        <button type="submit" className="primary">
          Chiudi
        </button>
      </form>
    </ModalDialog>
  );
}
