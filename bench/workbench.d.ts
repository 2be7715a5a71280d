import type { Browser } from 'playwright-core';

export const CHROMIUM: string;
export function hasChromium(): boolean;
export interface ServerProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}
export function startServerProcess(extraArgs: string[], options?: { timeoutMs?: number }): Promise<ServerProcess>;
export function launchChromium(): Promise<Browser>;
