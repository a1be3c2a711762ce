import { WidgetApi } from './api/widget-api.js';
import { readEmbedConfig } from './config/embed-config.js';
import { safeStorage, SessionStore } from './state/session-store.js';
import { WidgetController } from './widget-controller.js';

/**
 * The host page's handle on the widget.
 *
 * @example
 *   window.Centraal.setContext({ customerRef: 'K-10293', customerRefSignature: '9f2c…' });
 *   window.Centraal.open();
 */
export interface CentraalApi {
  open(): void;
  close(): void;
  setContext(context: { page?: string; selfServiceSteps?: string[]; customerRef?: string; customerRefSignature?: string }): void;
}

declare global {
  interface Window {
    Centraal?: CentraalApi | { q?: unknown[] };
  }
}

// Read at load: `document.currentScript` is only set while this classic script first runs.
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-line][src]');

function boot(): void {
  if (!script?.src || document.querySelector('[data-centraal-widget]')) return;
  const config = readEmbedConfig(script.src, (name) => script.getAttribute(name), location.pathname);
  if (!config) return;
  const store = new SessionStore(
    safeStorage(() => localStorage),
    safeStorage(() => sessionStorage),
    config.lineId,
  );
  const controller = new WidgetController(config, new WidgetApi(config.origin), store, document.documentElement.lang || undefined);
  const host = document.createElement('div');
  host.setAttribute('data-centraal-widget', '');
  host.setAttribute('data-testid', 'widget-host');
  // Inline !important beats any page rule on the host itself; inside, the shadow root does the rest.
  host.style.cssText = 'all: initial !important; display: block !important; position: absolute !important; width: 0 !important; height: 0 !important;';
  document.body.append(host);
  controller.mount(host.attachShadow({ mode: 'open' }));
  const queued = window.Centraal && 'q' in window.Centraal && Array.isArray(window.Centraal.q) ? window.Centraal.q : [];
  const api: CentraalApi = { open: () => controller.open(), close: () => controller.close(), setContext: (context) => controller.setContext(context) };
  window.Centraal = api;
  for (const call of queued) replay(api, call);
}

/** Calls made before the script loaded, as `['open']` or `['setContext', {...}]`. */
function replay(api: CentraalApi, call: unknown): void {
  if (!Array.isArray(call)) return;
  const [name, arg] = call as [unknown, unknown];
  if (name === 'open') api.open();
  else if (name === 'close') api.close();
  else if (name === 'setContext' && typeof arg === 'object' && arg !== null) api.setContext(arg);
}

if (document.body) boot();
else document.addEventListener('DOMContentLoaded', boot, { once: true });
