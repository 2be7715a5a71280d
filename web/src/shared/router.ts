// Hash routes (#/ledger, #/articles/12?fact=40): the server serves one page and needs no fallback rule.
import { useSyncExternalStore } from 'react';

export interface Route {
  /** Path parts after '#/': ['articles', '12']. */
  parts: string[];
  params: URLSearchParams;
}

const current = (): string => window.location.hash;

export function parseRoute(hash: string): Route {
  const [path, query] = hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query ?? '') };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore((listener) => {
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, current);
  return parseRoute(hash);
}

export const href = (path: string, query: Record<string, string | number | undefined> = {}): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
};

export function navigate(path: string, query?: Record<string, string | number | undefined>): void {
  window.location.hash = href(path, query);
}
