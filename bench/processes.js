// Whole processes timed as a user meets them: start-up included, pinned to one core where
// `taskset` exists (these machines have two cores; a single-core figure is the honest unit).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CPU_PIN = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', ['-c', '0']] : null;

/** Runs `node ...args` (stdin from `input`), throws on a non-zero exit, returns wall milliseconds and stdout. */
export function timeNode(args, { input, oneCore = true, env = process.env } = {}) {
  const [command, prefix] = oneCore && CPU_PIN ? [CPU_PIN[0], [...CPU_PIN[1], process.execPath]] : [process.execPath, []];
  const t = process.hrtime.bigint();
  const run = spawnSync(command, [...prefix, ...args], { input, env, maxBuffer: 2e9, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${String(run.stderr).slice(0, 2000)}`);
  return { ms, stdout: run.stdout };
}

export const best = (xs) => Math.min(...xs);
export const perSecond = (n, ms) => Math.round(n / (ms / 1000));
