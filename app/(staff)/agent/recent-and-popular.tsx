"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

type Item = { articleId: number; slug: string; title: string; product: { name: string } };
type Lists = { popular: Item[]; recent: Item[] };

/**
 * What the console shows before the agent types: the answers colleagues opened and copied most in the last 30 days,
 * and the latest published ones (GET /api/search/popular; lib/analytics).
 */
export function RecentAndPopular({ onOpen }: { onOpen: (slug: string) => void }) {
  const [lists, setLists] = useState<Lists | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/search/popular?limit=6", { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<Lists>) : null))
      .then((data) => setLists(data))
      .catch(() => {
        // Optional help for an empty screen: silence is fine when it is unavailable.
      });
    return () => controller.abort();
  }, []);
  if (!lists || (lists.popular.length === 0 && lists.recent.length === 0)) return null;
  const list = (title: string, items: Item[]) =>
    items.length === 0 ? null : (
      <section aria-label={title} className="card" style={{ marginTop: "1rem" }}>
        <h2 style={{ fontSize: "1rem", marginTop: 0 }}>{title}</h2>
        <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
          {items.map((item) => (
            <li key={item.articleId}>
              <Link href={`/agent/a/${item.slug}`}>{item.title}</Link>{" "}
              <span className="muted" style={{ fontSize: "0.85rem" }}>
                · {item.product.name}
              </span>{" "}
              <button type="button" onClick={() => onOpen(item.slug)} aria-label={`Apri qui: ${item.title}`}>
                Apri qui
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <>
      {list("Più usati dai colleghi", lists.popular)}
      {list("Aggiornati di recente", lists.recent)}
    </>
  );
}
