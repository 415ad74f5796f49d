"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A native modal <dialog>: focus moves in and back out by itself, Esc closes it, and the page behind is inert,
 * so the console's single-key shortcuts cannot fire while it is open.
 */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={labelledBy} className={className} onClose={onClose}>
      {children}
    </dialog>
  );
}
