/**
 * The one place markup reaches React as HTML. Only pass strings produced by lib/markdown (sanitized with
 * rehype-sanitize; see lib/markdown/xss.test.ts) or by lib/search highlightToHtml (escaped, <mark> only).
 */
export function SafeHtml({
  html,
  className,
  as = "div",
}: {
  html: string;
  className?: string;
  as?: "div" | "span";
}) {
  const Tag = as;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: inputs are sanitized or escaped by lib/ (see above)
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
