import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useFocusTrap } from '../shell/use-focus-trap.js';
import { SHORTCUTS } from './shortcuts.js';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useFocusTrap(dialog);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} className="modal" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-help" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <table className="shortcut-table">
          <tbody>
            <tr>
              <td>
                <kbd>Enter</kbd> / <kbd>Ctrl+Enter</kbd>
              </td>
              <td>{t('shortcuts.send')}</td>
            </tr>
            <tr>
              <td>
                <kbd>Shift+Enter</kbd>
              </td>
              <td>{t('shortcuts.newline')}</td>
            </tr>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{t(`shortcuts.${s.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={button} type="button" data-testid="shortcuts-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
