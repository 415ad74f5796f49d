import { getMessages, localePath, type PortalLocale } from "@/lib/i18n";

/** A plain GET form: search works without JavaScript (issue 6 point 2). */
export function SearchForm({
  locale,
  query = "",
  autoFocus = false,
  hidden = {},
}: {
  locale: PortalLocale;
  query?: string;
  autoFocus?: boolean;
  hidden?: Record<string, string>;
}) {
  const t = getMessages(locale).searchBox;
  return (
    <search className="portal-search">
      <form action={localePath(locale, "/search")} method="get">
        <label htmlFor="portal-q" className="visually-hidden">
          {t.label}
        </label>
        <input
          id="portal-q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder={t.placeholder}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the search page exists to type a query
          autoFocus={autoFocus}
          autoComplete="off"
        />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="button">
          {t.submit}
        </button>
      </form>
    </search>
  );
}
