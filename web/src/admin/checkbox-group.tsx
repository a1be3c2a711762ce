/** A set of checkboxes for a multi-select over a fixed list. */
export function CheckboxGroup<T extends string>({ legend, options, selected, onChange, label, testId }: {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (v: T[]) => void;
  label: (o: T) => string;
  testId: string;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="checkbox">
          <input
            type="checkbox"
            data-testid={`${testId}-${o}`}
            checked={selected.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...selected, o] : selected.filter((x) => x !== o))}
          />
          {label(o)}
        </label>
      ))}
    </fieldset>
  );
}
