"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { SafeHtml } from "@/app/_components/safe-html";
import { ANSWER_CHANNELS, CHANNELS, type ChannelKey } from "@/lib/channels";
import {
  type ConsoleAction,
  type ConsoleArticle,
  initialValues,
  moveSelection,
  recordUsage,
  resolveShortcut,
  type ScreenPop,
  type VariableValues,
} from "@/lib/console";
import { AnswerPanel, type PanelCommands } from "./answer-panel";
import { NothingFound } from "./nothing-found";
import { RecentAndPopular } from "./recent-and-popular";
import { ShortcutHelp } from "./shortcut-help";

type Option = { slug: string; name: string };
type Hit = {
  articleId: number;
  slug: string;
  title: string;
  locale: string;
  visibility: "public" | "internal";
  titleHtml: string;
  snippetHtml: string;
  product: { name: string };
  category: { name: string };
  channels: string[];
};
export type Filters = { product: string; category: string; locale: string; channel: string };
type SearchState =
  | { kind: "idle" }
  | { kind: "results"; query: string; hits: Hit[]; ms: number }
  | { kind: "error"; message: string };
type PanelState =
  | { kind: "closed" }
  | { kind: "loading"; slug: string }
  | { kind: "open"; article: ConsoleArticle; position: number | null; query: string }
  | { kind: "error"; message: string };

type Props = {
  products: Option[];
  categories: Option[];
  screenPop: ScreenPop;
  agentName: string;
};

const NO_FILTERS: Filters = { product: "", category: "", locale: "", channel: "" };

function focusKind(element: Element | null, search: HTMLElement | null): "search" | "field" | "other" {
  if (element && element === search) return "search";
  if (element instanceof HTMLElement && element.isContentEditable) return "field";
  return element?.matches("input, textarea, select") ? "field" : "other";
}

/**
 * The agent console (issue 5): search as you type, results on the left, the answer panel on the right, every
 * action on a key (lib/console/keyboard.ts). Searches abort the previous request and a response is shown only if
 * it belongs to the latest one, so a slow early response can never overwrite a newer one; old results stay on
 * screen until new ones arrive (no flicker).
 */
export function AgentConsole({ products, categories, screenPop, agentName }: Props) {
  const [query, setQuery] = useState(screenPop.q);
  const [filters, setFilters] = useState<Filters>({ ...NO_FILTERS, ...screenPop.filters });
  const [search, setSearch] = useState<SearchState>({ kind: "idle" });
  const [selected, setSelected] = useState(-1);
  const [panel, setPanel] = useState<PanelState>({ kind: "closed" });
  // The channel the agent works on stays chosen from article to article (a screen-pop's `channel` included);
  // an article without it shows its first answer.
  const [preferredChannel, setPreferredChannel] = useState<ChannelKey | null>(screenPop.channel);
  // Values belong to the call, not to one article: they stay while the agent opens other articles.
  const [values, setValues] = useState<VariableValues>(() => initialValues(agentName, screenPop.values));
  const [helpOpen, setHelpOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const commands = useRef<PanelCommands | null>(null);
  const latestSearch = useRef(0);
  const latestOpen = useRef(0);
  // A screen-pop opens its first result when it says open=1, or when its search finds exactly one article.
  const autoOpen = useRef(screenPop.q !== "");
  const focusPanel = useRef(false);
  const preferred = useRef(preferredChannel);
  preferred.current = preferredChannel;
  const ids = useId();
  const resultId = (index: number) => `${ids}-result-${index}`;

  const openArticle = useCallback((slug: string, position: number | null, fromQuery: string) => {
    const id = ++latestOpen.current;
    setPanel((current) => (current.kind === "open" ? current : { kind: "loading", slug }));
    focusPanel.current = true;
    fetch(`/api/agent/articles/${encodeURIComponent(slug)}`)
      .then(async (res) => {
        const body = await res.json();
        if (id !== latestOpen.current) return;
        if (!res.ok) {
          setPanel({ kind: "error", message: body.title ?? "Articolo non disponibile" });
          return;
        }
        const article = body as ConsoleArticle;
        setPanel({ kind: "open", article, position, query: fromQuery });
        const shown = article.answers.find((a) => a.channel === preferred.current) ?? article.answers[0];
        recordUsage({
          kind: "open",
          articleId: article.id,
          channel: shown?.channel ?? null,
          position,
          query: fromQuery,
        });
      })
      .catch(() => {
        if (id === latestOpen.current)
          setPanel({ kind: "error", message: "Articolo non disponibile. Riprova." });
      });
  }, []);

  // Search on every keystroke and filter change.
  useEffect(() => {
    const q = query.trim();
    const id = ++latestSearch.current;
    const active = Object.entries(filters).filter(([, value]) => value !== "");
    if (!q && active.length === 0) {
      setSearch({ kind: "idle" });
      setSelected(-1);
      return;
    }
    const controller = new AbortController();
    const params = new URLSearchParams({ q, limit: "20", ...Object.fromEntries(active) });
    fetch(`/api/search?${params}`, { signal: controller.signal })
      .then(async (res) => {
        const body = await res.json();
        if (id !== latestSearch.current) return;
        if (!res.ok) {
          setSearch({ kind: "error", message: body.title ?? "Ricerca non riuscita" });
          return;
        }
        const hits = body.hits as Hit[];
        setSearch({ kind: "results", query: q, hits, ms: body.processingTimeMs });
        setSelected(hits.length > 0 ? 0 : -1);
        // Only for the screen-pop's own search, not for whatever the agent typed before it answered.
        if (autoOpen.current && q === screenPop.q.trim()) {
          autoOpen.current = false;
          const first = hits[0];
          if (first && (screenPop.open || hits.length === 1)) openArticle(first.slug, 1, q);
          else input.current?.focus();
        }
      })
      .catch((error: unknown) => {
        if ((error as Error).name === "AbortError" || id !== latestSearch.current) return;
        setSearch({ kind: "error", message: "Ricerca non disponibile. Riprova." });
      });
    return () => controller.abort();
  }, [query, filters, screenPop.open, screenPop.q, openArticle]);

  // Move focus into the panel once the article it was opened for is there, so digits and `c` work at once.
  useEffect(() => {
    if (panel.kind === "open" && focusPanel.current) {
      focusPanel.current = false;
      panelRef.current?.focus();
    }
  }, [panel]);

  // Keep the selected result in view while arrowing through a long list.
  useEffect(() => {
    if (selected >= 0)
      document.getElementById(`${ids}-result-${selected}`)?.scrollIntoView({ block: "nearest" });
  }, [selected, ids]);

  const hits = search.kind === "results" ? search.hits : [];
  const article = panel.kind === "open" ? panel.article : null;
  const channel: ChannelKey | null = article
    ? preferredChannel && article.answers.some((a) => a.channel === preferredChannel)
      ? preferredChannel
      : (article.answers[0]?.channel ?? null)
    : null;

  function focusSearch() {
    input.current?.focus();
    input.current?.select();
  }

  function run(action: ConsoleAction, event: KeyboardEvent) {
    switch (action.type) {
      case "focus-search":
        event.preventDefault();
        focusSearch();
        return;
      case "move":
        event.preventDefault();
        setSelected((current) => moveSelection(current, action.delta, hits.length));
        return;
      case "open": {
        const hit = hits[selected] ?? hits[0];
        if (!hit) return;
        event.preventDefault();
        openArticle(hit.slug, hits.indexOf(hit) + 1, search.kind === "results" ? search.query : "");
        return;
      }
      case "channel":
        if (article?.answers.some((a) => a.channel === action.channel)) {
          event.preventDefault();
          setPreferredChannel(action.channel);
        }
        return;
      case "copy":
        event.preventDefault();
        commands.current?.copy();
        return;
      case "teleprompter":
        event.preventDefault();
        commands.current?.teleprompter();
        return;
      case "focus-variables":
        event.preventDefault();
        commands.current?.focusVariables();
        return;
      case "help":
        event.preventDefault();
        setHelpOpen(true);
        return;
      case "escape":
        event.preventDefault();
        if (document.activeElement === input.current) setPanel({ kind: "closed" });
        else focusSearch();
        return;
    }
  }

  // One window listener that always sees this render's state (the latest-handler pattern).
  const onKey = useRef(run);
  onKey.current = run;
  useEffect(() => {
    // The console opens ready to type: agents start searching while the customer is still talking.
    if (!screenPop.open) input.current?.focus();
    const listener = (event: KeyboardEvent) => {
      // Open dialogs (help, teleprompter) handle their own keys; Esc closes them natively.
      if (event.defaultPrevented || event.isComposing || document.querySelector("dialog[open]")) return;
      const action = resolveShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        focus: focusKind(document.activeElement, input.current),
        panelOpen: panelRef.current !== null,
      });
      if (action) onKey.current(action, event);
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [screenPop.open]);

  const activeFilters = Object.values(filters).some((value) => value !== "");
  const setFilter = (key: keyof Filters, value: string) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <div className="console">
      <div className="console-search">
        <div className="console-searchbar">
          <label htmlFor={`${ids}-q`} className="muted console-hint">
            Scrivi la domanda del cliente (/ per tornare qui, ? per le scorciatoie)
          </label>
          <input
            ref={input}
            id={`${ids}-q`}
            className="search-box"
            type="search"
            aria-label="Cerca negli articoli"
            aria-controls={`${ids}-results`}
            aria-activedescendant={selected >= 0 && hits[selected] ? resultId(selected) : undefined}
            aria-describedby={`${ids}-keys`}
            placeholder="es. cambio iban, disdetta fibra, modem spie rosse"
            value={query}
            maxLength={200}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <p id={`${ids}-keys`} className="sr-only">
            Frecce su e giù per scegliere un risultato, Invio per aprirlo.
          </p>
          <button type="button" className="console-help-button" onClick={() => setHelpOpen(true)}>
            Scorciatoie <kbd>?</kbd>
          </button>
        </div>
        <fieldset className="console-filters">
          <legend className="sr-only">Filtri</legend>
          <FilterSelect
            label="Prodotto"
            value={filters.product}
            onChange={(v) => setFilter("product", v)}
            options={products.map((p) => ({ value: p.slug, label: p.name }))}
          />
          <FilterSelect
            label="Categoria"
            value={filters.category}
            onChange={(v) => setFilter("category", v)}
            options={categories.map((c) => ({ value: c.slug, label: c.name }))}
          />
          <FilterSelect
            label="Lingua"
            value={filters.locale}
            onChange={(v) => setFilter("locale", v)}
            options={[
              { value: "it", label: "Italiano" },
              { value: "en", label: "Inglese" },
            ]}
          />
          <FilterSelect
            label="Con risposta per"
            value={filters.channel}
            onChange={(v) => setFilter("channel", v)}
            options={ANSWER_CHANNELS.map((c) => ({ value: c, label: CHANNELS[c].label.it }))}
          />
          {activeFilters ? (
            <button type="button" onClick={() => setFilters(NO_FILTERS)}>
              Rimuovi i filtri
            </button>
          ) : null}
        </fieldset>
      </div>

      <div className="console-body">
        <div className="console-results">
          {search.kind === "error" ? (
            <p role="alert" className="alert">
              {search.message}
            </p>
          ) : null}
          {search.kind === "idle" ? (
            <>
              <p className="muted">
                Scrivi qualche parola: i risultati arrivano mentre scrivi, anche con errori di battitura.
              </p>
              <RecentAndPopular onOpen={(slug) => openArticle(slug, null, "")} />
            </>
          ) : null}
          {search.kind === "results" ? (
            <section aria-label="Risultati">
              <p role="status" className="muted console-count">
                {search.hits.length === 0
                  ? `Nessun articolo per “${search.query}”.`
                  : `${search.hits.length} risultati · ${search.ms} ms`}
              </p>
              {search.hits.length === 0 ? (
                <NothingFound
                  query={search.query}
                  hasFilters={activeFilters}
                  categories={categories}
                  onQuery={(q) => {
                    setQuery(q);
                    input.current?.focus();
                  }}
                  onClearFilters={() => setFilters(NO_FILTERS)}
                  onCategory={(slug) => {
                    setQuery("");
                    setFilters({ ...NO_FILTERS, category: slug });
                  }}
                />
              ) : (
                <ul className="results" id={`${ids}-results`}>
                  {search.hits.map((hit, index) => {
                    const isSelected = index === selected;
                    const isOpen = article?.slug === hit.slug;
                    return (
                      <li key={hit.articleId}>
                        <Link
                          id={resultId(index)}
                          className={`result${isSelected ? " selected" : ""}${isOpen ? " open" : ""}`}
                          href={`/agent/a/${hit.slug}`}
                          aria-current={isOpen ? "true" : undefined}
                        >
                          <div className="card">
                            {/* titleHtml/snippetHtml are escaped by the server; only <mark> is markup. */}
                            <SafeHtml className="result-title" html={hit.titleHtml} />
                            <SafeHtml html={hit.snippetHtml} />
                            <div className="result-meta">
                              <span>{hit.product.name}</span>·<span>{hit.category.name}</span>
                              {hit.locale !== "it" ? (
                                <span className="badge">{hit.locale.toUpperCase()}</span>
                              ) : null}
                              {hit.visibility === "internal" ? (
                                <span className="badge internal">Interno</span>
                              ) : null}
                              <span>{hit.channels.length} canali</span>
                            </div>
                          </div>
                        </Link>
                        {/* The link opens the full page (as before, and in a new tab with Ctrl/⌘); this opens
                            the answer panel beside the results, like Enter does. */}
                        <button
                          type="button"
                          className="result-open-here"
                          aria-label={`Apri “${hit.title}” nel pannello`}
                          onClick={() => {
                            setSelected(index);
                            openArticle(hit.slug, index + 1, search.query);
                          }}
                        >
                          Apri qui
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ) : null}
        </div>

        <div className="console-panel-column">
          {panel.kind === "loading" ? (
            <p className="muted" role="status">
              Apertura dell'articolo…
            </p>
          ) : null}
          {panel.kind === "error" ? (
            <p role="alert" className="alert">
              {panel.message}
            </p>
          ) : null}
          {panel.kind === "open" ? (
            <AnswerPanel
              ref={panelRef}
              commands={commands}
              article={panel.article}
              channel={channel}
              onChannel={setPreferredChannel}
              values={values}
              onValues={setValues}
              position={panel.position}
              query={panel.query}
              onClose={() => {
                setPanel({ kind: "closed" });
                focusSearch();
              }}
            />
          ) : null}
          {panel.kind === "closed" && hits.length > 0 ? (
            <p className="muted console-panel-empty">
              <kbd>↓</kbd> <kbd>↑</kbd> per scegliere, <kbd>Invio</kbd> per aprire la risposta qui.
            </p>
          ) : null}
        </div>
      </div>

      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="console-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Tutti</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
