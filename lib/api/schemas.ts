import { z } from "zod";
import { ChannelKeySchema, VARIABLES } from "@/lib/channels";
import { LOCALES } from "@/lib/db";

// One definition per shape of /api/v1 (docs/decisions/018-api-v1.md): the handlers parse their input and build
// their output with these, and lib/api/openapi.ts turns the very same schemas into the OpenAPI document with
// z.toJSONSchema, so the document cannot describe an API we do not serve. Output objects are strict, so a field
// added to a response without being documented fails the contract tests.

/** The named schemas of the document's components; everything else is inlined where it is used. */
export const apiSchemas = z.registry<{ id: string }>();

const Slug = z.string().regex(/^[a-z0-9-]{1,120}$/);

const Audience = z
  .enum(["public", "internal"])
  .describe(
    "Which view to read: defaults to the key's scope. A public key asking for `internal` gets 403; an internal key may ask for `public` to see what customers see.",
  );

/** `vars[customer.firstName]=Anna`: the catalogue variables (CHANNELS.md) a caller may fill into answers. */
export const ApiVarsInput = z
  .strictObject(
    Object.fromEntries(
      VARIABLES.map((v) => [v.name, z.string().trim().max(200).optional().describe(v.label.en)]),
    ) as Record<(typeof VARIABLES)[number]["name"], z.ZodOptional<z.ZodString>>,
  )
  .describe(
    "Values for the answers' `{{variables}}`, as `vars[name]=value` (deepObject). Facts (`fact.*`) are filled by Sportello and cannot be passed.",
  );
export type ApiVarsInput = z.infer<typeof ApiVarsInput>;

export const ApiSearchInput = z.object({
  q: z.string().trim().min(1, "q is required").max(200).describe("What the customer asked."),
  locale: z.enum(LOCALES).optional().describe("Only articles in this language."),
  product: Slug.optional().describe("Only articles of this product (slug, see /api/v1/products)."),
  category: Slug.optional().describe("Only articles of this category (slug, see /api/v1/categories)."),
  channel: ChannelKeySchema.optional().describe(
    "Return each hit's answer for this channel only. Without it every answer of the article is returned.",
  ),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe("Hits to return (1–50)."),
  audience: Audience.optional(),
});
export type ApiSearchInput = z.infer<typeof ApiSearchInput>;

export const ApiArticleInput = z.object({
  channel: ChannelKeySchema.optional().describe("Return only the answer for this channel."),
  audience: Audience.optional(),
});
export type ApiArticleInput = z.infer<typeof ApiArticleInput>;

export const ApiTaxonomyInput = z.object({
  locale: z
    .enum(LOCALES)
    .optional()
    .describe("Name in this language and count only articles in it; default: Italian names, all languages."),
});
export type ApiTaxonomyInput = z.infer<typeof ApiTaxonomyInput>;

const Named = z.strictObject({ slug: z.string(), name: z.string() });

export const ApiAnswer = z
  .strictObject({
    channel: ChannelKeySchema,
    text: z
      .string()
      .describe(
        "Ready to send: plain text (sms, phone, ivr, social, chatbot), WhatsApp markup (whatsapp), short Markdown (chat), the plain-text alternative (email).",
      ),
    missing: z
      .array(z.string())
      .describe("Variables without a value: their `{{name}}` tokens are still in `text`."),
    ssml: z.string().optional().describe("ivr only: the same text as SSML."),
    readAloudSeconds: z.number().optional().describe("phone and ivr: estimated reading time."),
    subject: z.string().optional().describe("email only."),
    html: z.string().optional().describe("email only: sanitized HTML body."),
    articleUrl: z
      .string()
      .nullable()
      .optional()
      .describe("chatbot only: the public article, also appended to `text`."),
    sms: z
      .strictObject({ encoding: z.enum(["GSM-7", "UCS-2"]), parts: z.number().int() })
      .optional()
      .describe("sms only: how the text is sent."),
  })
  .register(apiSchemas, { id: "Answer" });
export type ApiAnswer = z.infer<typeof ApiAnswer>;

const articleCore = {
  id: z.number().int(),
  slug: z.string(),
  locale: z.enum(LOCALES),
  visibility: z.enum(["public", "internal"]),
  title: z.string(),
  summary: z.string(),
  url: z.string().nullable().describe("The article on the public portal; null for internal articles."),
  updatedAt: z.iso.datetime().describe("When the published version was published."),
  product: Named,
  category: Named,
  answers: z.array(ApiAnswer),
};

export const ApiSearchHit = z.strictObject(articleCore).register(apiSchemas, { id: "SearchHit" });
export type ApiSearchHit = z.infer<typeof ApiSearchHit>;

export const ApiSearchResponse = z
  .strictObject({
    query: z.string(),
    audience: z.enum(["public", "internal"]),
    channel: ChannelKeySchema.nullable(),
    total: z.number().int().describe("Estimated number of matching articles."),
    hits: z.array(ApiSearchHit),
  })
  .register(apiSchemas, { id: "SearchResponse" });
export type ApiSearchResponse = z.infer<typeof ApiSearchResponse>;

export const ApiArticle = z
  .strictObject({
    ...articleCore,
    tags: z.array(z.string()),
    html: z.string().describe("The body as sanitized HTML, facts filled in."),
    text: z.string().describe("The body as plain text."),
  })
  .register(apiSchemas, { id: "Article" });
export type ApiArticle = z.infer<typeof ApiArticle>;

const TaxonomyItem = z.strictObject({
  slug: z.string(),
  name: z.string(),
  names: z.strictObject({ it: z.string(), en: z.string().optional() }),
  articleCount: z.number().int().describe("Published articles this key may read."),
});

export const ApiProductsResponse = z
  .strictObject({ products: z.array(TaxonomyItem) })
  .register(apiSchemas, { id: "ProductsResponse" });
export type ApiProductsResponse = z.infer<typeof ApiProductsResponse>;

export const ApiCategoriesResponse = z
  .strictObject({ categories: z.array(TaxonomyItem) })
  .register(apiSchemas, { id: "CategoriesResponse" });
export type ApiCategoriesResponse = z.infer<typeof ApiCategoriesResponse>;

/** RFC 9457 problem details, as lib/http/problems.ts writes them. */
export const ApiProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z
      .string()
      .describe("Stable, snake_case: unauthenticated, forbidden, rate_limited, invalid_request…"),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional(),
  })
  .register(apiSchemas, { id: "Problem" });
