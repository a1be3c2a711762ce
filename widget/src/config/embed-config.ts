import type { StartContext } from '../api/widget-api.js';

/** Everything the host page configures through the script tag's `data-*` attributes. */
export interface EmbedConfig {
  /** Origin of the widget script: the API and WebSocket live there. */
  origin: string;
  lineId: string;
  language?: string;
  context: StartContext;
}

/**
 * Reads the script tag. `attr` is `script.getAttribute`; `src` the script's absolute URL.
 * Returns undefined (and the widget stays away) when the tag has no `data-line`.
 *
 * @example
 *   <script src="https://centraal.example/widget.js" data-line="ln_bankzuid" data-language="fr"
 *     data-self-service-steps='["FAQ gelezen"]' async></script>
 */
export function readEmbedConfig(src: string, attr: (name: string) => string | null, pagePath: string): EmbedConfig | undefined {
  const lineId = attr('data-line')?.trim();
  if (!lineId) return undefined;
  const context: StartContext = { page: attr('data-context-page') ?? pagePath };
  const steps = parseSteps(attr('data-self-service-steps'));
  if (steps.length) context.selfServiceSteps = steps;
  const ref = attr('data-customer-ref');
  const signature = attr('data-customer-ref-signature');
  if (ref) context.customerRef = ref;
  if (ref && signature) context.customerRefSignature = signature;
  const language = attr('data-language')?.trim().toLowerCase();
  return { origin: new URL(src).origin, lineId, ...(language ? { language } : {}), context };
}

/** Self-service steps: a JSON array of strings, bounded like the server's schema (20 × 200). */
export function parseSteps(raw: string | null | undefined): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.slice(0, 200)).slice(0, 20);
  } catch {
    return [];
  }
}

/** Merges `window.Centraal.setContext({...})` into the context, keeping only known, well-typed fields. */
export function mergeContext(base: StartContext, patch: unknown): StartContext {
  if (typeof patch !== 'object' || patch === null) return base;
  const p = patch as Record<string, unknown>;
  const next: StartContext = { ...base };
  if (typeof p.page === 'string') next.page = p.page.slice(0, 2000);
  if (Array.isArray(p.selfServiceSteps)) next.selfServiceSteps = parseSteps(JSON.stringify(p.selfServiceSteps));
  if (typeof p.customerRef === 'string') next.customerRef = p.customerRef;
  if (typeof p.customerRefSignature === 'string') next.customerRefSignature = p.customerRefSignature;
  return next;
}

/** The base URL of the WebSocket on the same origin as the API. */
export function socketOrigin(origin: string): string {
  return origin.replace(/^http/, 'ws');
}
