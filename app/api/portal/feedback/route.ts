import { type NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { getEnv, publicBaseUrl } from "@/lib/env";
import { DomainError, RateLimitedError } from "@/lib/errors";
import {
  addHelpfulComment,
  type FeedbackResult,
  feedbackResultOf,
  newVisitorId,
  parseVisitorId,
  recordHelpfulVote,
  VISITOR_COOKIE,
  VISITOR_COOKIE_MAX_AGE,
} from "@/lib/feedback";
import { clientIpOf } from "@/lib/http/client-ip";
import { problem, toProblem, withProblems } from "@/lib/http/problems";
import { sharedTokenBuckets } from "@/lib/http/rate-limit";
import { isCrossSite } from "@/lib/http/same-origin";
import { localePath, PORTAL_LOCALES, type PortalLocale } from "@/lib/i18n";

export const dynamic = "force-dynamic";

// "Was this helpful?" from the portal (docs/decisions/016-helpful-votes.md). The article page's widget posts JSON;
// the same <form> without JavaScript posts application/x-www-form-urlencoded and is sent on, with a 303, to
// /feedback, which says what happened. Either body is a vote ({slug, version, helpful, comment?}) or, without
// `helpful`, the comment added to the vote just cast.

/** Ten answers in a row, then one every 30 s per client address: enough for a person, dull for a script. */
const FEEDBACK_LIMIT = { burst: 10, perSecond: 1 / 30 };
/** A comment of 1000 characters, percent-encoded, fits several times over. */
const MAX_BODY_BYTES = 16 * 1024;

const JsonBody = z.strictObject({
  slug: z.string().max(200),
  version: z.number().int().positive(),
  helpful: z.boolean().optional(),
  comment: z.string().max(10_000).optional(),
});

const FormBody = z.object({
  slug: z.string().max(200),
  version: z.coerce.number().int().positive(),
  helpful: z.enum(["yes", "no"]).optional(),
  comment: z.string().max(10_000).optional(),
});

type Submission = { slug: string; version: number; helpful?: boolean; comment?: string };

const FormLang = z.enum(PORTAL_LOCALES).catch("it");

export const POST = withProblems(async (request: NextRequest) => {
  if (isCrossSite(request.headers, [new URL(publicBaseUrl()).host])) {
    return problem(403, "cross_site_request", "Richiesta da un altro sito");
  }
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  const isForm = type === "application/x-www-form-urlencoded";
  if (!isForm && type !== "application/json") {
    return problem(415, "unsupported_media_type", "Invia JSON o un modulo");
  }
  const text = await readBody(request);
  if (text === null) return problem(413, "payload_too_large", "Richiesta troppo grande");

  const params = isForm ? new URLSearchParams(text) : null;
  const lang: PortalLocale = FormLang.parse(params?.get("lang"));
  const slugForPage = params?.get("slug") ?? "";
  try {
    const decision = sharedTokenBuckets("portal-feedback", FEEDBACK_LIMIT).take(
      clientIpOf(request.headers) ?? "unknown",
    );
    if (!decision.allowed) {
      throw new RateLimitedError(
        "Troppe risposte in poco tempo: riprova tra poco.",
        decision.retryAfterSeconds,
      );
    }
    const submission = params ? parseForm(params) : parseJson(text);
    const existing = parseVisitorId(request.cookies.get(VISITOR_COOKIE)?.value);
    const visitorId = existing ?? newVisitorId();
    const target = { slug: submission.slug, versionNumber: submission.version, visitorId };
    const vote =
      submission.helpful === undefined
        ? addHelpfulComment({ ...target, comment: submission.comment ?? "" })
        : recordHelpfulVote({ ...target, helpful: submission.helpful, comment: submission.comment });
    const result: FeedbackResult = submission.helpful === undefined ? "commented" : "thanks";
    const response = params
      ? seeOther(lang, {
          article: vote.slug,
          v: String(vote.versionNumber),
          vote: vote.helpful ? "yes" : "no",
          ...(vote.comment ? { commented: "1" } : {}),
          result,
        })
      : NextResponse.json(
          { result, slug: vote.slug, version: vote.versionNumber, helpful: vote.helpful },
          { status: result === "thanks" ? 201 : 200, headers: { "Cache-Control": "no-store" } },
        );
    if (!existing) {
      response.cookies.set(VISITOR_COOKIE, visitorId, {
        httpOnly: true,
        sameSite: "lax",
        secure: isHttps(request),
        maxAge: VISITOR_COOKIE_MAX_AGE,
        // Only this endpoint reads it: the portal's pages never see it, so they stay the same for everyone.
        path: "/api/portal",
      });
    }
    return response;
  } catch (error) {
    const result = feedbackResultOf(error);
    if (params) {
      if (!(error instanceof DomainError || error instanceof z.ZodError)) {
        console.error("[feedback] unexpected error", error);
      }
      const response = seeOther(lang, { article: slugForPage, result });
      if (error instanceof RateLimitedError) {
        response.headers.set("Retry-After", String(error.retryAfterSeconds));
      }
      return response;
    }
    // The widget shows `result`; the rest is the usual problem+json.
    const answer = toProblem(error);
    const body = { ...(await answer.json()), result };
    return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers });
  }
});

/** The body as text, or null past MAX_BODY_BYTES (checked on the declared length first, then on what came). */
async function readBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return null;
  const text = await request.text();
  return Buffer.byteLength(text) > MAX_BODY_BYTES ? null : text;
}

function parseJson(text: string): Submission {
  let raw: unknown = null;
  try {
    raw = JSON.parse(text);
  } catch {
    // Parsed as null below: the same 400 as any other malformed body.
  }
  return JsonBody.parse(raw);
}

function parseForm(params: URLSearchParams): Submission {
  const form = FormBody.parse({
    slug: params.get("slug") ?? undefined,
    version: params.get("version") ?? undefined,
    helpful: params.get("helpful") ?? undefined,
    comment: params.get("comment") ?? undefined,
  });
  return { ...form, helpful: form.helpful === undefined ? undefined : form.helpful === "yes" };
}

/** The confirmation page; a relative Location, so it stays on the address the visitor used. */
function seeOther(lang: PortalLocale, query: Record<string, string>): NextResponse {
  const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ""));
  return new NextResponse(null, {
    status: 303,
    headers: { Location: `${localePath(lang, "/feedback")}?${search}`, "Cache-Control": "no-store" },
  });
}

/** Secure cookies over HTTPS, including behind an operator's TLS proxy (X-Forwarded-Proto is trusted only then). */
function isHttps(request: NextRequest): boolean {
  if (request.nextUrl.protocol === "https:") return true;
  if (getEnv().SPORTELLO_TRUST_PROXY !== "1") return false;
  return request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
