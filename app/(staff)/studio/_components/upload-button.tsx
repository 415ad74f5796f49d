"use client";

import { useId, useRef, useState } from "react";
// Not `@/lib/uploads`: that index is server-only. ./rules is plain data, the same list and limits the server
// enforces, so the picker offers only what will be accepted and a too-large file is refused before it is sent.
import {
  ATTACHMENT_MAX_BYTES,
  formatMegabytes,
  IMAGE_MAX_BYTES,
  UPLOAD_ACCEPT,
  UPLOAD_TYPES,
} from "@/lib/uploads/rules";

type Props = {
  articleId: number;
  /** Receives the Markdown snippet (`![…](/uploads/…)` or `[…](/uploads/…)`) to insert into the body. */
  onUploaded: (markdown: string) => void;
};

type State =
  | { step: "idle" }
  | { step: "uploading"; name: string; percent: number | null }
  | { step: "done"; name: string }
  | { step: "error"; message: string };

type UploadResponse = { url: string; markdown: string; name: string; size: number; mimeType: string };
type Problem = { title?: string; errors?: Record<string, string[] | undefined> };

/** The server's message for the file field, else its title: problem+json from /api/uploads. */
function problemMessage(status: number, body: unknown): string {
  const problem = (body ?? {}) as Problem;
  const first = problem.errors?.file?.[0] ?? Object.values(problem.errors ?? {})[0]?.[0];
  if (first) return first;
  if (problem.title) return problem.title;
  if (status === 401) return "Sessione scaduta: accedi di nuovo e riprova.";
  return "Caricamento non riuscito. Riprova tra poco.";
}

function precheck(file: File): string | null {
  if (file.size === 0) return "Il file è vuoto.";
  const type = UPLOAD_TYPES.find((t) => t.mimeType === file.type);
  // An unknown or empty type is left to the server, which reads the bytes and explains what it found.
  if (type && file.size > type.maxBytes) {
    return `Il file è troppo grande (${formatMegabytes(file.size)}): il massimo è ${formatMegabytes(type.maxBytes)}.`;
  }
  return null;
}

/**
 * XMLHttpRequest rather than fetch: only XHR reports upload progress, which matters for a 10 MB PDF on a slow
 * contact-centre network.
 */
function send(
  articleId: number,
  file: File,
  onProgress: (percent: number | null) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("articleId", String(articleId));
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) =>
      onProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

/** A labelled file input that uploads at once and hands back the Markdown to insert. */
export function UploadButton({ articleId, onUploaded }: Props) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: "idle" });

  async function upload(file: File) {
    const refused = precheck(file);
    if (refused) {
      setState({ step: "error", message: refused });
      return;
    }
    setState({ step: "uploading", name: file.name, percent: 0 });
    try {
      const res = await send(articleId, file, (percent) =>
        setState({ step: "uploading", name: file.name, percent }),
      );
      if (res.status !== 201) {
        setState({ step: "error", message: problemMessage(res.status, res.body) });
        return;
      }
      const uploaded = res.body as UploadResponse;
      onUploaded(uploaded.markdown);
      setState({ step: "done", name: uploaded.name });
    } catch {
      setState({
        step: "error",
        message: "Connessione non riuscita: il file non è stato caricato. Riprova.",
      });
    } finally {
      // The same file can be chosen again (after fixing it, or to insert it twice).
      if (input.current) input.current.value = "";
    }
  }

  const uploading = state.step === "uploading";
  return (
    <div className="field upload-button">
      <label htmlFor={inputId}>Carica immagine o allegato</label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={UPLOAD_ACCEPT}
        aria-describedby={hintId}
        disabled={uploading}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <p id={hintId} className="muted">
        Immagini PNG, JPEG, GIF o WebP fino a {formatMegabytes(IMAGE_MAX_BYTES)}; PDF fino a{" "}
        {formatMegabytes(ATTACHMENT_MAX_BYTES)}. Il riferimento viene inserito nel testo.
      </p>
      {/* Rendered only with something to say: the editor form has its own status line, and one status at a time
          keeps both readable (and distinct for screen readers and tests). */}
      {state.step === "uploading" ? (
        <p role="status">
          Caricamento di «{state.name}»{state.percent === null ? "…" : `: ${state.percent}%`}
        </p>
      ) : null}
      {state.step === "done" ? (
        <p role="status">Caricato «{state.name}»: il riferimento è nel testo.</p>
      ) : null}
      {state.step === "error" ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
