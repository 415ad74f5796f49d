"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { SafeHtml } from "../_components/safe-html";

type Hit = {
  articleId: number;
  slug: string;
  locale: string;
  visibility: "public" | "internal";
  titleHtml: string;
  snippetHtml: string;
  product: { name: string };
  category: { name: string };
  channels: string[];
};
type State =
  | { kind: "idle" }
  | { kind: "results"; query: string; hits: Hit[]; ms: number }
  | { kind: "error"; message: string };

/**
 * Search as you type. Every keystroke starts a request and aborts the previous one, and a response is shown only
 * if it belongs to the latest query — so a slow early response can never overwrite a newer one. The old results
 * stay on screen until the new ones arrive (no flicker).
 */
export function AgentSearch() {
  const [query, setQuery] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // The console opens ready to type: agents start searching while the customer is still talking.
    input.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && document.activeElement !== input.current) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const q = query.trim();
    const id = ++latest.current;
    if (!q) {
      setState({ kind: "idle" });
      return;
    }
    const controller = new AbortController();
    fetch(`/api/search?${new URLSearchParams({ q, limit: "20" })}`, { signal: controller.signal })
      .then(async (res) => {
        const body = await res.json();
        if (id !== latest.current) return;
        if (!res.ok) setState({ kind: "error", message: body.title ?? "Ricerca non riuscita" });
        else setState({ kind: "results", query: q, hits: body.hits, ms: body.processingTimeMs });
      })
      .catch((error: unknown) => {
        if ((error as Error).name === "AbortError" || id !== latest.current) return;
        setState({ kind: "error", message: "Ricerca non disponibile. Riprova." });
      });
    return () => controller.abort();
  }, [query]);

  return (
    <div>
      <label htmlFor="agent-search" className="muted" style={{ fontWeight: 400 }}>
        Scrivi la domanda del cliente (premi / per tornare qui)
      </label>
      <input
        ref={input}
        id="agent-search"
        className="search-box"
        type="search"
        aria-label="Cerca negli articoli"
        placeholder="es. cambio iban, disdetta fibra, modem spie rosse"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      {state.kind === "error" ? (
        <p role="alert" className="alert" style={{ marginTop: "1rem" }}>
          {state.message}
        </p>
      ) : null}
      {state.kind === "results" ? (
        <section aria-label="Risultati" aria-live="polite">
          <p className="muted" style={{ fontSize: "0.9rem" }}>
            {state.hits.length === 0
              ? `Nessun articolo per “${state.query}”. Prova parole diverse o più brevi.`
              : `${state.hits.length} risultati · ${state.ms} ms`}
          </p>
          <ul className="results">
            {state.hits.map((hit) => (
              <li key={hit.articleId}>
                <Link className="result" href={`/agent/a/${hit.slug}`}>
                  <div className="card">
                    {/* titleHtml/snippetHtml are escaped by the server; only <mark> is markup. */}
                    <SafeHtml className="result-title" html={hit.titleHtml} />
                    <SafeHtml html={hit.snippetHtml} />
                    <div className="result-meta">
                      <span>{hit.product.name}</span>·<span>{hit.category.name}</span>
                      {hit.locale !== "it" ? <span className="badge">{hit.locale.toUpperCase()}</span> : null}
                      {hit.visibility === "internal" ? <span className="badge internal">Interno</span> : null}
                      <span>{hit.channels.length} canali</span>
                    </div>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
