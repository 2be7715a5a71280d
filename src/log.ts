// Structured logs (pino, as Fastify's own): one JSON line per event on standard error, so that
// what a command prints for its user on standard output stays clean.
import { pino, type Logger } from 'pino';
import { config } from './config.js';

export type { Logger } from 'pino';

export function createLogger(name: string, level = config.logLevel): Logger {
  return pino({ name, level }, pino.destination(2));
}
