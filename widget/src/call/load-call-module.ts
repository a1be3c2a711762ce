import type { CallModule } from './call-module.js';

let loading: Promise<CallModule> | undefined;

/** Loads `/widget-call.js` from the widget's own origin once; a failure may be retried. */
export function loadCallModule(origin: string): Promise<CallModule> {
  if (window.CentraalCall) return Promise.resolve(window.CentraalCall);
  loading ??= new Promise<CallModule>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${origin}/widget-call.js`;
    script.async = true;
    script.onload = () => (window.CentraalCall ? resolve(window.CentraalCall) : reject(new Error('call module missing')));
    script.onerror = () => reject(new Error('call module failed to load'));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
