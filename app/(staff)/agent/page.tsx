import type { Metadata } from "next";
import { listTaxonomyOptions } from "@/lib/articles";
import { requirePageRole } from "@/lib/auth";
import { parseScreenPop } from "@/lib/console";
import { AgentConsole } from "./agent-console";

export const metadata: Metadata = { title: "Console operatori" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The agent console. Its URL doubles as the screen-pop a CRM or phone system opens for a call:
 * /agent?q=…&channel=…&customer.firstName=… (README "Screen-pop"; lib/console/screen-pop.ts).
 */
export default async function AgentPage({ searchParams }: Props) {
  const raw = await searchParams;
  // A screen-pop that lands on the sign-in page must come back with its parameters.
  const returnTo = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      returnTo.append(key, v);
  }
  const query = returnTo.toString();
  const user = await requirePageRole("agent", query ? `/agent?${query}` : "/agent");
  const { products, categories } = listTaxonomyOptions();
  return (
    <>
      <h1 className="console-title">Cerca una risposta</h1>
      <AgentConsole
        products={products}
        categories={categories}
        screenPop={parseScreenPop(raw)}
        agentName={user.name}
      />
    </>
  );
}
