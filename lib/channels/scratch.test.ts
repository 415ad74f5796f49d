import { test } from "vitest";
import { checkAnswer, renderAnswer } from "./index";

test("x", () => {
  const body = `Ciao {{ customer.firstName }}, ecco **come fare**:

## Tempi

- Vai su [area clienti](https://x.it/area?id={{order.id}}) _subito_
- Chiama il {{fact.support_phone}} entro il 31/12/2026 o 2026-12-31
  1. nested ~~no~~ \`code\`

> quote
www.sportello.it e info@sportello.it e <https://a.b/c>

| a | b |
|---|---|
| 1 | 2 |

Firma: {{agent.firstName}} 👍🏽 È ’bello’`;
  const values = {
    "customer.firstName": "<img src=x onerror=alert(1)>",
    "fact.support_phone": "800 123 456",
    "order.id": "A_1",
  };
  for (const ch of ["phone", "ivr", "email", "chat", "whatsapp", "sms", "social", "chatbot"] as const) {
    const r = renderAnswer(
      ch,
      { body, subject: "Oggetto {{customer.firstName}}" },
      { values, publicArticleUrl: "https://p/a" },
    );
    console.log("=====", ch, JSON.stringify(r, null, 1));
  }
  const facts = new Map([["support_phone", { visibility: "internal" as const, value: "800 123 456" }]]);
  for (const ch of ["phone", "ivr", "whatsapp", "sms", "social", "chatbot"] as const)
    console.log(ch, checkAnswer(ch, { body }, { facts, articleVisibility: "internal" }));
});
