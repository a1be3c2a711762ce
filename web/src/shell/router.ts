import { useEffect, useState } from 'react';

/** The client-side routes; the server falls back to index.html for each. */
export type RoutePath = '/' | '/desktop' | '/supervisor' | '/review' | '/admin' | '/wallboard' | '/content' | '/reports' | '/quality' | '/staffing' | '/popup-seat' | '/campaigns';

const listeners = new Set<() => void>();

export function navigate(path: RoutePath, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function usePathname(): string {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}
