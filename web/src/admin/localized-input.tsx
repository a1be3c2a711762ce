import { LANGUAGES, type LocalizedText } from '../api/api-types.js';

/** One text in nl/fr/en side by side. */
export function LocalizedInput({ label, value, onChange, testId }: { label: string; value: LocalizedText; onChange: (v: LocalizedText) => void; testId: string }) {
  return (
    <fieldset className="localized">
      <legend>{label}</legend>
      {LANGUAGES.map((l) => (
        <label key={l} className="inline">
          <span className="lang-tag">{l.toUpperCase()}</span>
          <input
            data-testid={`${testId}-${l}`}
            value={value[l] ?? ''}
            onChange={(e) => {
              const next = { ...value };
              if (e.target.value) next[l] = e.target.value;
              else delete next[l];
              onChange(next);
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}

/** A lowercase id from a label, for new taxonomy entries and phases. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || `id-${Date.now().toString(36)}`
  );
}
