import type { LocalizedText } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { LocalizedInput, slug } from './localized-input.js';

interface Item {
  id: string;
  label: LocalizedText;
}

/** Edits an ordered list of `{id, label}` (phases, wrap-up codes, subtopics): add, rename, move, remove. */
export function LabelledListEditor<T extends Item>({ title, items, onChange, make, testId, children }: {
  title: string;
  items: T[];
  onChange: (items: T[]) => void;
  make: (item: Item) => T;
  testId: string;
  children?: (item: T, update: (item: T) => void) => React.ReactNode;
}) {
  const { t } = useI18n();
  const set = (i: number, item: T) => onChange(items.map((x, j) => (j === i ? item : x)));
  const move = (i: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    onChange(next);
  };
  return (
    <fieldset className="list-editor" data-testid={testId}>
      <legend>{title}</legend>
      <ol>
        {items.map((item, i) => (
          <li key={`${item.id}-${i}`} data-testid={`${testId}-item`}>
            <label className="inline">
              {t('admin.id')}
              <input data-testid={`${testId}-id`} value={item.id} onChange={(e) => set(i, { ...item, id: e.target.value })} />
            </label>
            <LocalizedInput label={t('admin.label')} value={item.label} onChange={(label) => set(i, { ...item, label })} testId={`${testId}-label`} />
            {children?.(item, (next) => set(i, next))}
            <div className="button-row">
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>
                {t('admin.up')}
              </button>
              <button type="button" disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                {t('admin.down')}
              </button>
              <button type="button" className="button-danger" onClick={() => onChange(items.filter((_, j) => j !== i))}>
                {t('admin.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" data-testid={`${testId}-add`} onClick={() => onChange([...items, make({ id: slug(`${testId}-${items.length + 1}`), label: {} })])}>
        {t('admin.add')}
      </button>
    </fieldset>
  );
}
