import { getMessages, localePath, type PortalLocale } from "@/lib/i18n";
import { InstantSearchInput } from "./instant-search";

/**
 * A plain GET form: search works without JavaScript (issue 6 point 2). With JavaScript its field suggests
 * articles as the visitor types (instant-search.tsx).
 */
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
  const messages = getMessages(locale);
  const t = messages.searchBox;
  const searchPath = localePath(locale, "/search");
  return (
    <search className="portal-search">
      <form action={searchPath} method="get">
        <InstantSearchInput
          lang={locale}
          searchPath={searchPath}
          query={query}
          autoFocus={autoFocus}
          scope={hidden}
          text={{
            label: t.label,
            placeholder: t.placeholder,
            suggestions: messages.search.instantLabel,
            count: messages.search.instantCount,
            none: messages.search.instantNone,
            seeAll: messages.search.seeAll,
          }}
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
