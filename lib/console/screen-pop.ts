import { z } from "zod";
import { ChannelKeySchema, VARIABLES, type VariableName } from "@/lib/channels";
import type { VariableValues } from "./variables";

// Screen-pop: a CRM or phone system opens `/agent?q=…&channel=…&customer.firstName=…` for the call it is
// ringing (issue 5 point 4). The URL comes from outside, so each parameter is parsed on its own: a bad one is
// dropped and the rest still applies, unknown ones are ignored, and every value is length-limited.

export const SCREEN_POP_QUERY_MAX = 200;
export const SCREEN_POP_VALUE_MAX = 100;

// lib/db's LOCALES; not imported because lib/db is server-only and this runs in the browser too.
const LOCALES = ["it", "en"] as const;
const Slug = z.string().regex(/^[a-z0-9-]{1,120}$/);
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

// One line, no control characters, trimmed, cut at the limit rather than refused: a long CRM name should
// still fill the form.
const Value = z
  .string()
  .transform((value) =>
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .trim()
      .slice(0, SCREEN_POP_VALUE_MAX)
      .trim(),
  )
  .pipe(z.string().min(1));

export const ScreenPopInput = z.object({
  q: optional(
    z
      .string()
      .transform((q) => q.trim().slice(0, SCREEN_POP_QUERY_MAX))
      .pipe(z.string()),
  ),
  channel: optional(ChannelKeySchema),
  product: optional(Slug),
  category: optional(Slug),
  locale: optional(z.enum(LOCALES)),
  open: optional(z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true")),
  ...Object.fromEntries(VARIABLES.map((variable) => [variable.name, optional(Value)])),
});

export interface ScreenPop {
  q: string;
  channel: z.infer<typeof ChannelKeySchema> | null;
  filters: { product?: string; category?: string; locale?: "it" | "en" };
  values: VariableValues;
  /** `open=1`: open the first result as soon as it arrives. */
  open: boolean;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Parses screen-pop parameters (Next's searchParams or a URLSearchParams); never throws. */
export function parseScreenPop(params: RawParams): ScreenPop {
  const raw: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    // A repeated parameter keeps its first value, as URLSearchParams.get does.
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && !(key in raw)) raw[key] = first;
  }
  const data = ScreenPopInput.parse(raw) as Record<string, unknown> & z.infer<typeof ScreenPopInput>;
  const values: VariableValues = {};
  for (const variable of VARIABLES) {
    const value = data[variable.name];
    if (typeof value === "string") values[variable.name as VariableName] = value;
  }
  const filters: ScreenPop["filters"] = {};
  if (data.product) filters.product = data.product;
  if (data.category) filters.category = data.category;
  if (data.locale) filters.locale = data.locale;
  return { q: data.q ?? "", channel: data.channel ?? null, filters, values, open: data.open ?? false };
}
