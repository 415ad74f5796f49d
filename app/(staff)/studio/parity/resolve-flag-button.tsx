"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type ResolveFlagResult, resolveFlagAction } from "./actions";

/** "Risolvi" for one open flag; the row leaves the list when the page refreshes. */
export function ResolveFlagButton({ flagId, label }: { flagId: number; label: string }) {
  const router = useRouter();
  const [result, setResult] = useState<ResolveFlagResult | null>(null);
  const [pending, startTransition] = useTransition();

  function resolve() {
    startTransition(async () => {
      const res = await resolveFlagAction({ flagId });
      setResult(res);
      if (res.ok) router.refresh();
    });
  }

  return (
    <>
      <button
        type="button"
        onClick={resolve}
        disabled={pending || result?.ok}
        aria-describedby={`flag-${flagId}`}
      >
        Risolvi
      </button>
      {result?.ok ? (
        <p role="status" className="muted">
          Risolta: {label}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="field-error">
          {result.formError}
        </p>
      ) : null}
    </>
  );
}
