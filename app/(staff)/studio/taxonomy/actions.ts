"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";
import {
  CategoryInput,
  createCategory,
  createProduct,
  deleteCategory,
  deleteProduct,
  deleteTag,
  ProductInput,
  RenameTagInput,
  renameTag,
  TagSchema,
  updateCategory,
  updateProduct,
} from "@/lib/taxonomy";

export type TaxonomyActionResult = { ok: true; message: string } | ActionFailure;

const Id = z.coerce.number().int().positive();

function articles(n: number): string {
  return n === 1 ? "1 articolo" : `${n} articoli`;
}

function reindexNote(n: number): string {
  return n > 0 ? ` Reindicizzazione di ${articles(n)} pubblicati in corso.` : "";
}

function done(message: string): TaxonomyActionResult {
  revalidatePath("/studio/taxonomy");
  return { ok: true, message };
}

/** Creates a product when `id` is null, updates it otherwise. */
export async function saveProductAction(id: unknown, raw: unknown): Promise<TaxonomyActionResult> {
  try {
    const editor = await requireRole("editor");
    const input = ProductInput.parse(raw);
    if (id === null) {
      const product = createProduct(input, editor);
      return done(`Creato il prodotto «${product.name.it}».`);
    }
    const { item, reindexed } = updateProduct(Id.parse(id), input, editor);
    return done(`Salvato il prodotto «${item.name.it}».${reindexNote(reindexed)}`);
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function deleteProductAction(id: unknown): Promise<TaxonomyActionResult> {
  try {
    const editor = await requireRole("editor");
    deleteProduct(Id.parse(id), editor);
    return done("Prodotto eliminato.");
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Creates a category when `id` is null, updates it otherwise. */
export async function saveCategoryAction(id: unknown, raw: unknown): Promise<TaxonomyActionResult> {
  try {
    const editor = await requireRole("editor");
    const input = CategoryInput.parse(raw);
    if (id === null) {
      const category = createCategory(input, editor);
      return done(`Creata la categoria «${category.name.it}».`);
    }
    const { item, reindexed } = updateCategory(Id.parse(id), input, editor);
    return done(`Salvata la categoria «${item.name.it}».${reindexNote(reindexed)}`);
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function deleteCategoryAction(id: unknown): Promise<TaxonomyActionResult> {
  try {
    const editor = await requireRole("editor");
    deleteCategory(Id.parse(id), editor);
    return done("Categoria eliminata.");
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function renameTagAction(raw: unknown): Promise<TaxonomyActionResult> {
  try {
    const editor = await requireRole("editor");
    const { from, to } = RenameTagInput.parse(raw);
    const change = renameTag(from, to, editor);
    return done(
      `Tag «${from}» rinominato in «${to}» su ${articles(change.articles)}.${reindexNote(change.reindexed)}`,
    );
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function deleteTagAction(tag: unknown): Promise<TaxonomyActionResult> {
  try {
    const editor = await requireRole("editor");
    const name = TagSchema.parse(tag);
    const change = deleteTag(name, editor);
    return done(`Tag «${name}» tolto da ${articles(change.articles)}.${reindexNote(change.reindexed)}`);
  } catch (error) {
    return toActionFailure(error);
  }
}
