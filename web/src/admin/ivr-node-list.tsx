import type { MessageKey } from '../i18n/dictionaries.js';
import { useI18n } from '../i18n/i18n-context.js';

type Node = Record<string, unknown> & { type?: string };
type Flow = { start?: string; nodes?: Record<string, Node> };

/** Where a node leads, as "field → node" pairs, in the order an admin reads them. */
function targets(node: Node): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const choices = node.choices;
  if (choices && typeof choices === 'object' && node.type === 'menu') for (const [key, to] of Object.entries(choices)) pairs.push([key, String(to)]);
  if (choices && typeof choices === 'object' && node.type === 'language') for (const [key, to] of Object.entries(choices)) pairs.push([key, String(to).toUpperCase()]);
  for (const field of ['next', 'open', 'closed', 'fallback']) if (typeof node[field] === 'string') pairs.push([field, node[field]]);
  return pairs;
}

const TYPES = ['message', 'menu', 'language', 'hours', 'collect', 'set', 'enqueue', 'voicemail', 'callback', 'transfer', 'hangup'];

/** The flow as a readable list: each node with its kind, what the caller hears and where it goes. */
export function IvrNodeList(props: { flow: unknown }) {
  const { t, pick } = useI18n();
  const flow = (props.flow && typeof props.flow === 'object' ? props.flow : {}) as Flow;
  const nodes = Object.entries(flow.nodes ?? {});
  if (nodes.length === 0) return <p data-testid="ivr-node-list-empty">{t('ivr.noNodes')}</p>;
  return (
    <ol className="ivr-nodes" data-testid="ivr-node-list">
      {nodes.map(([id, node]) => {
        const type = TYPES.includes(String(node.type)) ? String(node.type) : 'unknown';
        const prompt = (node.prompt ?? node.confirmation) as Record<string, string> | undefined;
        const heard = prompt && typeof prompt === 'object' ? ('audio' in prompt ? `♪ ${pick(prompt.audio as unknown as Record<string, string>)}` : pick(prompt)) : '';
        return (
          <li key={id} data-testid="ivr-node" data-node={id}>
            <span className="ivr-node-id">
              {id}
              {flow.start === id ? ` · ${t('ivr.start')}` : ''}
            </span>{' '}
            <span className="ivr-node-type">{t(`ivr.type.${type}` as MessageKey)}</span>
            {heard && <span className="ivr-node-prompt">“{heard}”</span>}
            {typeof node.queueId === 'string' && <span className="ivr-node-detail">{t('ivr.queue', { queue: node.queueId })}</span>}
            {typeof node.number === 'string' && <span className="ivr-node-detail">{node.number}</span>}
            {targets(node).length > 0 && <span className="ivr-node-detail">{targets(node).map(([k, to]) => `${k} → ${to}`).join(' · ')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
