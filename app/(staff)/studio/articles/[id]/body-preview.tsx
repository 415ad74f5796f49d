"use client";

import { useDeferredValue, useMemo } from "react";
import { SafeHtml } from "@/app/_components/safe-html";
import { fillTemplate } from "@/lib/channels";
import { renderMarkdown } from "@/lib/markdown";

/**
 * The live preview runs the portal's own pipeline (lib/markdown, sanitized) in the browser, for the agents'
 * audience: internal blocks are shown, marked "Solo interno". Deferred so typing never waits for rendering.
 */
export function BodyPreview({ body, values }: { body: string; values: Record<string, string> }) {
  const deferred = useDeferredValue(body);
  const html = useMemo(
    () => renderMarkdown(fillTemplate(deferred, values).text, { audience: "internal" }),
    [deferred, values],
  );
  return (
    <section aria-label="Anteprima" className="card">
      <p className="muted" style={{ marginTop: 0, fontSize: "0.85rem" }}>
        Anteprima come la vedono gli operatori. I blocchi «Solo interno» spariscono dal portale.
      </p>
      <SafeHtml className="prose" html={html} />
    </section>
  );
}
