import { useId, type ComponentProps } from 'react';

/** A labelled input with its server-side error next to it (announced to screen readers). */
export function Field({
  label,
  error,
  ...input
}: { label: string; error?: string | undefined } & ComponentProps<'input'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Field errors by field name, from the gateway's answer. */
export function errorsByField(
  fields: ReadonlyArray<{ field: string; description: string }>,
): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.field, f.description]));
}
