/**
 * Xvfb and WebKitGTK's WebDriver as child processes, each stopped by its own PID: the WebKit tests' global
 * setup and `npm run screenshots:webkit` start them the same way. The driver runs in its own process group,
 * because it starts MiniBrowser and MiniBrowser its web and network processes: stopping the group leaves
 * none of them behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export const XVFB = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const INSTALL_HINT = 'apt-get install webkit2gtk-driver xvfb';

export const MINIBROWSER =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The ports the WebKit suite may use (the Chromium suite uses 4180-4190). */
export const WEBKIT_PORTS = {
  preview: 4280,
  offline: 4281,
  update: 4282,
  screenshots: 4283,
  driver: [4290, 4299],
} as const;

export interface ChildService {
  process: ChildProcess;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Signals the child (or its whole process group), then SIGKILLs what is left after `graceMs`. */
async function stopChild(child: ChildProcess, group: boolean, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(group ? -pid : pid, name);
    } catch {
      // Already gone (ESRCH).
    }
  };
  const done = exited(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  signal('SIGTERM');
  await Promise.race([done, sleep(graceMs)]);
  // The group may outlive its leader (MiniBrowser after the driver): SIGKILL whatever remains.
  if (group || !exited(child)) signal('SIGKILL');
}

/** Starts Xvfb on a free display (`-displayfd` lets the server pick one without races); resolves ":N". */
export async function startXvfb(screen = '1280x1024x24'): Promise<ChildService & { display: string }> {
  const child = spawn(XVFB, ['-displayfd', '1', '-screen', '0', screen, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start within 15 s\n${stderr}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^(\d+)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(`:${match[1]}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with code ${code}\n${stderr}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${XVFB} (${INSTALL_HINT}): ${error.message}`));
    });
  });
  return { display, process: child, stop: () => stopChild(child, false) };
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first free port in [from, to]. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) if (await isFree(port)) return port;
  throw new Error(`no free port in ${from}-${to}`);
}

/**
 * Starts WebKitWebDriver on `port` with DISPLAY set, and waits until it answers /status. A new session
 * replaces a leftover one (the driver allows one at a time), so a test that failed before closing its
 * session cannot block the next.
 */
export async function startWebKitDriver(
  display: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildService & { port: number }> {
  const child = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=local', '--replace-on-new-session'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, DISPLAY: display },
    detached: true,
  });
  let output = '';
  let failed: Error | undefined;
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  child.once('error', (error) => (failed = error));
  const service = { port, process: child, stop: () => stopChild(child, true) };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (failed) throw new Error(`cannot start ${WEBKIT_DRIVER} (${INSTALL_HINT}): ${failed.message}`);
    if (exited(child)) break;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return service;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  await service.stop();
  throw new Error(`WebKitWebDriver did not answer on port ${port}\n${output}`);
}
