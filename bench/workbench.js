// Starts `pledgewatch serve` as its own process on a free port, and Debian's Chromium for the
// browser checks; shared by the end-to-end tests and the browser benchmark.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser the checks drive is installed (`apt-get install -y chromium`). */
export const hasChromium = () => existsSync(CHROMIUM);

/** Runs `pledgewatch serve --port 0 …extraArgs` and resolves with the URL it prints once listening. */
export function startServerProcess(extraArgs, { timeoutMs = 60_000 } = {}) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const fail = (err) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    const read = (chunk) => {
      output += chunk;
      const url = /workbench: (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        output: () => output,
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

/** Headless Chromium with the flags this closed network needs (no background calls home). */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
