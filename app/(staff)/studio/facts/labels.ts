import type { FactType } from "@/lib/db";

export const FACT_TYPE_LABEL: Record<FactType, string> = {
  text: "Testo",
  phone: "Telefono",
  price: "Prezzo",
  hours: "Orari",
  url: "Indirizzo web",
  email: "E-mail",
  date: "Data",
};
