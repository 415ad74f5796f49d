"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import type { ArticleStatus } from "@/lib/db";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";
import {
  ApproveInput,
  ArchiveInput,
  approve,
  archiveArticle,
  SendBackInput,
  SubmitForReviewInput,
  sendBack,
  submitForReview,
  unarchiveArticle,
} from "@/lib/workflow";

// The workflow's server actions, used by the article's workflow panel and by the review queue. Each one: role,
// parse, lib, respond (STYLE.md); lib re-checks the article's state and the distinct-approver rule itself.

export type WorkflowActionResult = { ok: true; status: ArticleStatus } | ActionFailure;

function refresh(): void {
  // Status badges, the review queue and the panels all live under /studio.
  revalidatePath("/studio", "layout");
}

export async function submitForReviewAction(raw: unknown): Promise<WorkflowActionResult> {
  try {
    const editor = await requireRole("editor");
    const input = SubmitForReviewInput.parse(raw);
    const article = submitForReview(input.articleId, input.baseVersionId, editor);
    refresh();
    return { ok: true, status: article.status };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function approveAction(raw: unknown): Promise<WorkflowActionResult> {
  try {
    const editor = await requireRole("editor");
    const input = ApproveInput.parse(raw);
    const article = approve(input.articleId, input.versionId, editor);
    refresh();
    return { ok: true, status: article.status };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function sendBackAction(raw: unknown): Promise<WorkflowActionResult> {
  try {
    const editor = await requireRole("editor");
    const input = SendBackInput.parse(raw);
    const article = sendBack(input.articleId, input.versionId, input.comment, editor);
    refresh();
    return { ok: true, status: article.status };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function archiveAction(raw: unknown): Promise<WorkflowActionResult> {
  try {
    const editor = await requireRole("editor");
    const input = ArchiveInput.parse(raw);
    const article = archiveArticle(input.articleId, editor);
    refresh();
    return { ok: true, status: article.status };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function unarchiveAction(raw: unknown): Promise<WorkflowActionResult> {
  try {
    const editor = await requireRole("editor");
    const input = ArchiveInput.parse(raw);
    const article = unarchiveArticle(input.articleId, editor);
    refresh();
    return { ok: true, status: article.status };
  } catch (error) {
    return toActionFailure(error);
  }
}
