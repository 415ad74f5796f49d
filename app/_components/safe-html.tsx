/**
 * The one place markup reaches React as HTML. Only pass strings produced by lib/markdown (sanitized with
 * rehype-sanitize; see lib/markdown/xss.test.ts) or by lib/search highlightToHtml (escaped, <mark> only).
 */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: inputs are sanitized or escaped by lib/ (see above)
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
