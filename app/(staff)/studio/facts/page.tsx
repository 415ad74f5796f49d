import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth";
import { factPlaceLabel, listFactsWithUsage } from "@/lib/facts";
import { FactForm, type FactRowData, FactRows } from "./fact-forms";
import styles from "./facts.module.css";

export const metadata: Metadata = { title: "Fatti condivisi" };

export default async function FactsPage() {
  await requirePageRole("editor", "/studio/facts");
  const facts: FactRowData[] = listFactsWithUsage().map((fact) => ({
    key: fact.key,
    type: fact.type,
    visibility: fact.visibility,
    description: fact.description,
    values: fact.values,
    usedIn: fact.usedIn.map((use) => ({
      articleId: use.articleId,
      title: use.title,
      where: use.where.map(factPlaceLabel).join(", "),
    })),
  }));
  return (
    <>
      <h1>Fatti condivisi</h1>
      <p className="muted">
        Valori usati in molti articoli, come numeri di telefono, prezzi e orari. Cambiandone uno si aggiornano
        tutti i testi e le risposte che lo usano. I fatti interni non possono comparire nei contenuti
        pubblici.
      </p>
      <table className="list">
        <caption className="muted" style={{ textAlign: "left", paddingBottom: "0.5rem" }}>
          {facts.length} fatti
        </caption>
        <thead>
          <tr>
            <th scope="col">Chiave</th>
            <th scope="col">Tipo</th>
            <th scope="col">Visibilità</th>
            <th scope="col">Valori</th>
            <th scope="col">Descrizione</th>
            <th scope="col">Uso</th>
            <th scope="col">
              <span className="muted">Azioni</span>
            </th>
          </tr>
        </thead>
        {facts.map((fact) => (
          <FactRows key={fact.key} fact={fact} />
        ))}
      </table>
      <section aria-labelledby="new-fact" className={`card ${styles.create}`}>
        <h2 id="new-fact" style={{ marginTop: 0, fontSize: "1.2rem" }}>
          Nuovo fatto
        </h2>
        <FactForm />
      </section>
    </>
  );
}
