// A named group of checkboxes posted as repeated values (a stylist's services, a service's stylists),
// with the server's error for the group underneath.
type Option = { id: string; name: string; active: boolean };

type Props = {
  legend: string;
  /** Shown visually (the Services form) or to screen readers only (under a card title). */
  legendVisible?: boolean;
  name: string;
  options: Option[];
  checked: string[];
  error?: string;
  /** Said when there is nothing to choose yet. */
  empty: string;
};

export function CheckboxList({ legend, legendVisible = false, name, options, checked, error, empty }: Props) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? errorId : undefined}>
      <legend className={legendVisible ? "mb-2 text-sm font-medium" : "sr-only"}>{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {options.map((o) => (
            <li key={o.id}>
              <label className="flex items-center gap-2.5 text-sm">
                <input
                  type="checkbox"
                  name={name}
                  value={o.id}
                  defaultChecked={checked.includes(o.id)}
                  className="size-4 rounded border-input accent-primary"
                />
                {o.name}
                {!o.active && <span className="text-xs text-muted-foreground">(inactive)</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  );
}
