import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth";
import { getSynonymGroups, SYNONYM_LIMITS } from "@/lib/settings";
import { SynonymsForm } from "./synonyms-form";

export const metadata: Metadata = { title: "Sinonimi" };

export default async function SynonymsPage() {
  await requirePageRole("admin", "/admin/synonyms");
  const { groups, isDefault } = getSynonymGroups();
  return (
    <>
      <h1>Sinonimi della ricerca</h1>
      <p className="muted">
        Ogni gruppo elenca parole equivalenti: chi cerca una di esse trova anche gli articoli che usano le
        altre (per esempio «disdetta» trova «recesso»). Da {SYNONYM_LIMITS.termsMin} a{" "}
        {SYNONYM_LIMITS.termsMax} termini per gruppo, separati da virgole; maiuscole e spazi in più vengono
        tolti. Le modifiche valgono per la ricerca degli operatori e per quella del portale.
      </p>
      {isDefault ? <p className="muted">In uso: i sinonimi predefiniti di Sportello.</p> : null}
      <SynonymsForm initial={groups.map((g) => g.join(", "))} />
    </>
  );
}
