// Who reviews and with which API token: kept in this browser only.
import { useSyncExternalStore } from 'react';

export interface Settings {
  token: string;
  reviewer: string;
}

const KEY = 'pledgewatch.settings';
const DEFAULTS: Settings = { token: '', reviewer: 'analyst' };
const listeners = new Set<() => void>();

function read(): Settings {
  try {
    return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>) };
  } catch {
    return DEFAULTS;
  }
}

let current = read();

export const getSettings = (): Settings => current;

export function saveSettings(next: Settings): void {
  current = { token: next.token.trim(), reviewer: next.reviewer.trim() || DEFAULTS.reviewer };
  localStorage.setItem(KEY, JSON.stringify(current));
  for (const l of listeners) l();
}

export function useSettings(): Settings {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSettings,
  );
}
