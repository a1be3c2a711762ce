const HIDDEN_BLOCK = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[a-z][^>]*>/gi;
const BLOCK_TAG = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|table)\b[^>]*>/gi;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#39);/g;
const SPACES = /\s+/g;

/**
 * Article bodies pasted from an editor may carry markup; search and snippets work on the
 * words only, so a snippet can never carry a tag into the agent desktop or the widget.
 *
 * @example plainText('<p>Bel <b>ons</b>&nbsp;op</p>') // 'Bel ons op'
 */
export function plainText(text: string): string {
  return text
    .replace(HIDDEN_BLOCK, ' ')
    .replace(BLOCK_TAG, ' ')
    .replace(TAG, '')
    .replace(ENTITY, (_match, name: string) => ENTITIES[name] ?? ' ')
    .replace(SPACES, ' ')
    .trim();
}
