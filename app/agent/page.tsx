import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth";
import { AgentSearch } from "./agent-search";

export const metadata: Metadata = { title: "Console operatori" };

export default async function AgentPage() {
  await requirePageRole("agent", "/agent");
  return (
    <>
      <h1>Cerca una risposta</h1>
      <AgentSearch />
    </>
  );
}
