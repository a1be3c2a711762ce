/** What a keyboard shortcut on the desktop does. */
export type ShortcutAction =
  | { kind: 'accept' }
  | { kind: 'decline' }
  | { kind: 'select'; index: number }
  | { kind: 'transfer' }
  | { kind: 'flag' }
  | { kind: 'close' }
  | { kind: 'statusToggle' }
  | { kind: 'focusComposer' }
  | { kind: 'help' };

interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The list shown in the help overlay (`?`), in the order shown. */
export const SHORTCUTS: Array<{ keys: string; action: ShortcutAction['kind'] }> = [
  { keys: 'Alt+A', action: 'accept' },
  { keys: 'Alt+D', action: 'decline' },
  { keys: 'Alt+1 … Alt+9', action: 'select' },
  { keys: 'Alt+C', action: 'focusComposer' },
  { keys: 'Alt+T', action: 'transfer' },
  { keys: 'Alt+F', action: 'flag' },
  { keys: 'Alt+W', action: 'close' },
  { keys: 'Alt+S', action: 'statusToggle' },
  { keys: '?', action: 'help' },
];

/**
 * Maps a key press to a desktop action. Alt shortcuts work everywhere (also while typing);
 * `?` only outside text fields so it can still be typed in a message. Uses `code` as a fallback
 * because Alt+letter yields another character on macOS keyboards.
 */
export function shortcutFor(e: KeyLike, inTextField: boolean): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (!e.altKey) return e.key === '?' && !inTextField ? { kind: 'help' } : null;
  const letter = e.code?.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key.toLowerCase();
  const digit = e.code?.startsWith('Digit') ? e.code.slice(5) : e.key;
  if (/^[1-9]$/.test(digit)) return { kind: 'select', index: Number(digit) - 1 };
  switch (letter) {
    case 'a':
      return { kind: 'accept' };
    case 'd':
      return { kind: 'decline' };
    case 't':
      return { kind: 'transfer' };
    case 'f':
      return { kind: 'flag' };
    case 'w':
      return { kind: 'close' };
    case 's':
      return { kind: 'statusToggle' };
    case 'c':
      return { kind: 'focusComposer' };
    default:
      return null;
  }
}
