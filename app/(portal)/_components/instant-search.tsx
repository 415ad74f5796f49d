"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { PortalSearchHit } from "@/lib/portal/search";

export type InstantSearchText = {
  label: string;
  placeholder: string;
  suggestions: string;
  count: string;
  none: string;
  seeAll: string;
};

const MIN_CHARS = 2;
const DEBOUNCE_MS = 150;

/**
 * The search field of the portal's GET form, made an accessible combobox (WAI-ARIA APG "combobox with listbox
 * popup") once JavaScript runs: suggestions from GET /api/portal/search as the visitor types, arrow keys to pick,
 * Enter to open, Escape to close. Without JavaScript it is a plain search field and the form still submits.
 */
export function InstantSearchInput({
  lang,
  searchPath,
  query,
  autoFocus,
  scope,
  text,
}: {
  lang: string;
  searchPath: string;
  query: string;
  autoFocus: boolean;
  scope: Record<string, string>;
  text: InstantSearchText;
}) {
  const router = useRouter();
  const listId = useId();
  const [value, setValue] = useState(query);
  const [hits, setHits] = useState<PortalSearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState("");
  // Server HTML (and a browser without JavaScript) gets a plain search field; the combobox exists once hydrated.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const controller = useRef<AbortController | null>(null);
  const scopeKey = JSON.stringify(scope);

  useEffect(() => {
    const q = value.trim();
    if (q.length < MIN_CHARS) {
      controller.current?.abort();
      setHits([]);
      setOpen(false);
      setMessage("");
      return;
    }
    const timer = setTimeout(async () => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      const params = new URLSearchParams({ ...JSON.parse(scopeKey), q, lang });
      try {
        const res = await fetch(`/api/portal/search?${params}`, { signal: current.signal });
        const body = await res.json();
        if (!res.ok) {
          // Over the limit or search down: the server's message is already in the visitor's language.
          setHits([]);
          setMessage(typeof body.title === "string" ? body.title : "");
          setOpen(false);
          return;
        }
        const found = body.hits as PortalSearchHit[];
        setHits(found);
        setActive(-1);
        setOpen(true);
        setMessage(found.length > 0 ? text.count.replace("{count}", String(found.length)) : text.none);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setMessage("");
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, lang, scopeKey, text.count, text.none]);

  const optionId = (i: number) => `${listId}-option-${i}`;
  const seeAllIndex = hits.length;
  const seeAllUrl = `${searchPath}?${new URLSearchParams({ q: value.trim(), ...scope })}`;
  const expanded = open && value.trim().length >= MIN_CHARS;

  return (
    <div className="instant-search">
      <label htmlFor="portal-q" className="visually-hidden">
        {text.label}
      </label>
      <input
        id="portal-q"
        name="q"
        type="search"
        value={value}
        placeholder={text.placeholder}
        maxLength={200}
        // biome-ignore lint/a11y/noAutofocus: only on the search page, which exists to type a query
        autoFocus={autoFocus}
        autoComplete="off"
        {...(enhanced
          ? {
              role: "combobox",
              "aria-autocomplete": "list" as const,
              "aria-expanded": expanded,
              "aria-controls": listId,
              "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
            }
          : {})}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => hits.length > 0 && setOpen(true)}
        onKeyDown={(e) => {
          if (!expanded) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((i) => (i + 1) % (hits.length + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => (i <= 0 ? hits.length : i - 1));
          } else if (e.key === "Escape") {
            // A search field clears itself on Escape; with the list open, Escape only closes the list.
            e.preventDefault();
            setOpen(false);
            setActive(-1);
          } else if (e.key === "Enter" && active >= 0) {
            e.preventDefault();
            router.push(active === seeAllIndex ? seeAllUrl : (hits[active]?.url ?? seeAllUrl));
          }
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={text.suggestions}
        className="instant-results"
        hidden={!expanded}
      >
        {hits.map((hit, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard path is the input's arrow keys and Enter (aria-activedescendant)
          <div
            key={hit.slug}
            id={optionId(i)}
            role="option"
            // Focus stays in the field (aria-activedescendant); -1 only makes the option focusable by script.
            tabIndex={-1}
            aria-selected={i === active}
            className="instant-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => router.push(hit.url)}
          >
            {/* Escaped by the server, only <mark> added (lib/search highlightToHtml). */}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: highlight HTML is escaped text plus <mark> */}
            <span className="instant-title" dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
            <span className="instant-meta">{hit.category.name}</span>
          </div>
        ))}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above */}
        <div
          id={optionId(seeAllIndex)}
          role="option"
          tabIndex={-1}
          aria-selected={active === seeAllIndex}
          className="instant-option instant-all"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => router.push(seeAllUrl)}
        >
          {text.seeAll.replace("{query}", value.trim())}
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {message}
      </p>
      {message && !expanded ? <p className="instant-message">{message}</p> : null}
    </div>
  );
}
