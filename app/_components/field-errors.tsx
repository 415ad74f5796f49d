/**
 * A field's error messages, one paragraph each. With an `id` they are wrapped in an element the input can name in
 * `aria-describedby`; without one they stand bare, as in the forms that do not link them yet. Nothing without errors.
 */
export function FieldErrors({ id, errors }: { id?: string; errors?: readonly string[] }) {
  if (!errors?.length) return null;
  const messages = errors.map((e) => (
    <p key={e} className="field-error">
      {e}
    </p>
  ));
  return id ? <div id={id}>{messages}</div> : messages;
}
