"use client";

import { useId, useState, useTransition } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import type { BrandingFormValues } from "@/lib/branding";
// Not `@/lib/branding`: that index is server-only. These are plain functions and limits, the same the server
// applies when it saves; here they only inform while typing.
import { formatRatio, parseHexColor } from "@/lib/branding/contrast";
import { BRANDING_LIMITS, weakestContrast } from "@/lib/branding/rules";
import { type BrandingActionResult, resetBrandingAction, saveBrandingAction } from "./actions";
import styles from "./branding.module.css";

type LinkRow = { key: number; labelIt: string; labelEn: string; url: string };

/** What saving does to the logo: the same as the server's `logoAction`. */
type LogoChange = { kind: "keep" } | { kind: "remove" } | { kind: "replace"; file: File; preview: string };

let nextKey = 0;
const toRows = (links: BrandingFormValues["footerLinks"]): LinkRow[] =>
  links.map((l) => ({ key: nextKey++, ...l }));

const LOGO_ACCEPT = ".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp";
const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString("it-IT")} KB`;

function readAsDataUrl(file: File): Promise<string> {
  // A data: URL, not a blob: one: the Content-Security-Policy allows data: images (lib/http/security-headers.json).
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** `englishFallback`: what the English portal is called when the English name is left blank. */
export function BrandingForm({
  initial,
  englishFallback,
}: {
  initial: BrandingFormValues;
  englishFallback: string;
}) {
  const [nameIt, setNameIt] = useState(initial.name.it);
  const [nameEn, setNameEn] = useState(initial.name.en);
  const [primary, setPrimary] = useState(initial.primaryColor);
  const [accent, setAccent] = useState(initial.accentColor);
  const [links, setLinks] = useState<LinkRow[]>(() => toRows(initial.footerLinks));
  const [savedLogoUrl, setSavedLogoUrl] = useState(initial.logo?.url ?? null);
  const [logo, setLogo] = useState<LogoChange>({ kind: "keep" });
  const [logoError, setLogoError] = useState<string | null>(null);
  const [result, setResult] = useState<BrandingActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const errorsOf = (key: string) => errors[key];

  const apply = (res: BrandingActionResult) => {
    setResult(res);
    if (!res.ok) return;
    const b = res.branding;
    setNameIt(b.name.it);
    setNameEn(b.name.en);
    setPrimary(b.primaryColor);
    setAccent(b.accentColor);
    setLinks(toRows(b.footerLinks));
    setSavedLogoUrl(b.logo?.url ?? null);
    setLogo({ kind: "keep" });
    setLogoError(null);
  };

  async function chooseLogo(file: File | undefined) {
    setLogoError(null);
    if (!file) return;
    // Checked again on the server, by its bytes; refused here only so a large file is not sent for nothing.
    if (file.size > BRANDING_LIMITS.logoMaxBytes) {
      setLogoError(
        `Il logo è troppo grande (${kilobytes(file.size)}): il massimo è ${kilobytes(BRANDING_LIMITS.logoMaxBytes)}.`,
      );
      return;
    }
    setLogo({ kind: "replace", file, preview: await readAsDataUrl(file) });
  }

  function submit() {
    const form = new FormData();
    form.set("nameIt", nameIt);
    form.set("nameEn", nameEn);
    form.set("primaryColor", primary);
    form.set("accentColor", accent);
    form.set(
      "footerLinks",
      JSON.stringify(links.map(({ labelIt, labelEn, url }) => ({ labelIt, labelEn, url }))),
    );
    form.set("logoAction", logo.kind);
    if (logo.kind === "replace") form.set("logo", logo.file);
    startTransition(async () => apply(await saveBrandingAction(form)));
  }

  const updateLink = (key: number, patch: Partial<LinkRow>) =>
    setLinks((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const logoErrors = logoError ? [logoError] : errorsOf("logo");
  const preview = logo.kind === "replace" ? logo.preview : logo.kind === "keep" ? savedLogoUrl : null;

  return (
    <form
      className="card stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {result?.ok ? (
        <p role="status" className="notice">
          {result.changed
            ? "Aspetto del portale salvato: le pagine del portale lo mostrano già."
            : "Nessuna modifica da salvare."}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.formError}
        </p>
      ) : null}

      <fieldset className={styles.group}>
        <legend>Nome del portale</legend>
        <div className={styles.grid}>
          <TextField
            label="Nome in italiano"
            value={nameIt}
            onChange={setNameIt}
            maxLength={BRANDING_LIMITS.nameMax}
            required
            errors={errorsOf("name.it")}
          />
          <TextField
            label="Nome in inglese (facoltativo)"
            value={nameEn}
            onChange={setNameEn}
            maxLength={BRANDING_LIMITS.nameMax}
            hint={`Se vuoto, il portale inglese si chiama «${englishFallback}».`}
            errors={errorsOf("name.en")}
          />
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Logo</legend>
        {preview ? (
          <div className={styles.preview}>
            {/* biome-ignore lint/performance/noImgElement: a preview of the admin's own file or of /branding/logo */}
            <img src={preview} alt={`Anteprima del logo di ${nameIt || "portale"}`} />
          </div>
        ) : (
          <p className="muted">
            {logo.kind === "remove" ? "Il logo verrà rimosso al salvataggio." : "Nessun logo."}
          </p>
        )}
        <LogoPicker
          onChoose={(file) => void chooseLogo(file)}
          errors={logoErrors}
          describeNew={
            logo.kind === "replace"
              ? `Nuovo logo: «${logo.file.name}», ${kilobytes(logo.file.size)}, da salvare.`
              : null
          }
        />
        {logo.kind === "keep" && savedLogoUrl ? (
          <button type="button" className={styles.danger} onClick={() => setLogo({ kind: "remove" })}>
            Rimuovi il logo
          </button>
        ) : null}
        {logo.kind !== "keep" ? (
          <button
            type="button"
            onClick={() => {
              setLogoError(null);
              setLogo({ kind: "keep" });
            }}
          >
            {logo.kind === "replace" ? "Annulla il nuovo logo" : "Annulla la rimozione"}
          </button>
        ) : null}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Colori</legend>
        <div className={styles.grid}>
          <ColorField
            label="Colore primario"
            value={primary}
            onChange={setPrimary}
            hint={contrastHint(primary)}
            errors={errorsOf("primaryColor")}
          />
          <ColorField
            label="Colore di accento"
            value={accent}
            onChange={setAccent}
            hint="Decorativo: la riga sopra i link a piè di pagina e il bordo dei riquadri al passaggio del mouse."
            errors={errorsOf("accentColor")}
          />
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Link a piè di pagina</legend>
        <p className="muted">
          Fino a {BRANDING_LIMITS.footerLinksMax} link. Indirizzi https:, http:, mailto: o tel:, oppure un
          percorso del portale che inizia con / (per esempio /c/fatture).
        </p>
        <FieldErrors errors={errorsOf("footerLinks")} />
        {links.length > 0 ? (
          <ol className={styles.links}>
            {links.map((link, i) => (
              <li key={link.key} className={styles.linkRow}>
                <TextField
                  label={`Link ${i + 1}: testo in italiano`}
                  value={link.labelIt}
                  onChange={(v) => updateLink(link.key, { labelIt: v })}
                  maxLength={BRANDING_LIMITS.linkLabelMax}
                  errors={errorsOf(`footerLinks.${i}.labelIt`)}
                />
                <TextField
                  label={`Link ${i + 1}: testo in inglese (facoltativo)`}
                  value={link.labelEn}
                  onChange={(v) => updateLink(link.key, { labelEn: v })}
                  maxLength={BRANDING_LIMITS.linkLabelMax}
                  errors={errorsOf(`footerLinks.${i}.labelEn`)}
                />
                <TextField
                  label={`Link ${i + 1}: indirizzo`}
                  value={link.url}
                  onChange={(v) => updateLink(link.key, { url: v })}
                  maxLength={BRANDING_LIMITS.linkUrlMax}
                  placeholder="https://www.esempio.it/contatti"
                  errors={errorsOf(`footerLinks.${i}.url`)}
                />
                <div>
                  <button
                    type="button"
                    aria-label={`Elimina il link ${i + 1}`}
                    onClick={() => setLinks((all) => all.filter((l) => l.key !== link.key))}
                  >
                    Elimina
                  </button>
                </div>
              </li>
            ))}
          </ol>
        ) : null}
        <button
          type="button"
          disabled={links.length >= BRANDING_LIMITS.footerLinksMax}
          onClick={() => setLinks((all) => [...all, ...toRows([{ labelIt: "", labelEn: "", url: "" }])])}
        >
          Aggiungi link
        </button>
      </fieldset>

      <div className={styles.actions}>
        <button type="submit" className="primary" disabled={pending}>
          Salva aspetto
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            if (
              !window.confirm(
                "Ripristinare l'aspetto predefinito? Nome, logo, colori e link attuali andranno persi.",
              )
            )
              return;
            startTransition(async () => apply(await resetBrandingAction()));
          }}
        >
          Ripristina aspetto predefinito
        </button>
      </div>
    </form>
  );
}

function contrastHint(hex: string): string {
  if (!parseHexColor(hex)) return "Formato #rrggbb.";
  const { ratio } = weakestContrast(hex);
  const verdict = ratio >= BRANDING_LIMITS.minContrast ? "sufficiente" : "insufficiente";
  return `Contrasto con il bianco e lo sfondo: ${formatRatio(ratio)}, ${verdict} (minimo ${formatRatio(BRANDING_LIMITS.minContrast)}).`;
}

function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  required?: boolean;
  placeholder?: string;
  hint?: string;
  errors?: readonly string[];
}) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : null, props.errors?.length ? `${id}-errors` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        maxLength={props.maxLength}
        required={props.required}
        placeholder={props.placeholder}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="muted" style={{ margin: "0.25rem 0 0" }}>
          {props.hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-errors`} errors={props.errors} />
    </div>
  );
}

/** A colour picker and its #rrggbb text, kept in step; the picker follows the text only once it is valid. */
function ColorField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
  errors?: readonly string[];
}) {
  const id = useId();
  const valid = parseHexColor(props.value) !== null;
  const [lastValid, setLastValid] = useState(valid ? props.value : "#000000");
  if (valid && props.value.toLowerCase() !== lastValid) setLastValid(props.value.toLowerCase());
  const describedBy = [`${id}-hint`, props.errors?.length ? `${id}-errors` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={`${id}-hex`}>{props.label}</label>
      <div className={styles.color}>
        <input
          type="color"
          aria-label={`${props.label}: selettore`}
          value={lastValid}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <input
          id={`${id}-hex`}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          maxLength={7}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={props.errors?.length ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      <p id={`${id}-hint`} className="muted" style={{ margin: "0.25rem 0 0" }}>
        {props.hint}
      </p>
      <FieldErrors id={`${id}-errors`} errors={props.errors} />
    </div>
  );
}

function LogoPicker(props: {
  onChoose: (file: File | undefined) => void;
  errors?: readonly string[];
  describeNew: string | null;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Carica un logo</label>
      <input
        id={id}
        type="file"
        accept={LOGO_ACCEPT}
        aria-describedby={`${id}-hint${props.errors?.length ? ` ${id}-errors` : ""}`}
        aria-invalid={props.errors?.length ? true : undefined}
        onChange={(e) => {
          props.onChoose(e.target.files?.[0]);
          // The same file can be chosen again after removing it.
          e.target.value = "";
        }}
      />
      <p id={`${id}-hint`} className="muted" style={{ margin: "0.25rem 0 0" }}>
        PNG, JPEG o WebP fino a {kilobytes(BRANDING_LIMITS.logoMaxBytes)}; SVG non è ammesso. Compare alto 32
        px accanto al nome. {props.describeNew}
      </p>
      <FieldErrors id={`${id}-errors`} errors={props.errors} />
    </div>
  );
}
