// @ts-check
// Harness for the browser tests (node --test + playwright-core + Debian's Chromium).
//
// useEgov() registers before/after hooks for one test file:
//  - before: `egov migrate` on a fresh SQLite file in a temporary folder, then the file's
//    own seeding through the real command line (useEgov({ seed }): e.g. `egov agency add`,
//    `egov user add`), then `egov serve --listen 127.0.0.1:0 --web web/dist`, whose stdout line
//    `listening on http://HOST:PORT` gives the URL; then Chromium, headless.
//  - after: closes Chromium, stops the server with SIGTERM (SIGKILL after 10 s), removes
//    the temporary folder.
// withPage() gives each test a fresh browser context and fails the test on uncaught page
// errors and on failed loads of the app's own files; on failure it saves a screenshot and
// the server's output under web/e2e/artifacts/.
//
// Environment: EGOV_BIN (default <repo>/build/egov), CHROMIUM_PATH (default
// /usr/bin/chromium), EGOV_E2E_START_TIMEOUT_MS (default 30000).

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDir = path.resolve(here, '..');
export const repoRoot = path.resolve(webDir, '..');
export const distDir = path.join(webDir, 'dist');
export const artifactsDir = path.join(here, 'artifacts');

/** Letters only Vietnamese text has: proof that a message is Vietnamese, not a blank or English one. */
export const VIETNAMESE_LETTERS =
  /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @typedef {object} EgovServer
 * @property {string} url         base URL without a trailing slash, e.g. http://127.0.0.1:41234
 * @property {() => string} output everything the server printed so far
 * @property {() => string | null} died how the server ended if it ended before stop() (a crash), else null
 * @property {() => Promise<void>} stop
 */

function egovBin() {
  const bin = path.resolve(repoRoot, process.env.EGOV_BIN || 'build/egov');
  if (!fs.existsSync(bin)) {
    throw new Error(`egov binary not found at ${bin}: build it (make build) or set EGOV_BIN`);
  }
  return bin;
}

/**
 * Runs `egov ARGS…` to completion (stdin: `input`, e.g. a password) and returns its stdout;
 * throws with its output when it fails.
 * @param {string} bin
 * @param {string[]} args
 * @param {string} [input]
 */
function runEgov(bin, args, input) {
  try {
    return execFileSync(bin, args, {
      cwd: repoRoot,
      input: input ?? '',
      stdio: ['pipe', 'pipe', 'pipe'],
      // The demo's half year of dossiers takes ~15 s on an idle machine; a busy one may set more.
      timeout: Number(process.env.EGOV_E2E_COMMAND_TIMEOUT_MS || 60_000),
      encoding: 'utf8',
    });
  } catch (error) {
    const e = /** @type {{stdout?: string, stderr?: string, message: string}} */ (error);
    throw new Error(`egov ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/**
 * @typedef {object} SeedTools
 * @property {string} db  the database URL (`sqlite:…`)
 * @property {(args: string[], input?: string) => string} egov  runs `egov ARGS…` (stdin: input)
 */

/**
 * @typedef {object} ServerOptions
 * @property {(tools: SeedTools) => void} [seed] runs after `egov migrate`, before `egov serve`
 */

/**
 * Starts `egov serve` on a fresh database and a free port.
 * @param {ServerOptions} [options]
 */
export async function startServer(options = {}) {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html is missing: run \`npm run build\` in web/ first`);
  }
  const bin = egovBin();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'egov-e2e-'));
  const db = `sqlite:${path.join(tmp, 'e2e.db')}`;
  try {
    runEgov(bin, ['migrate', '--db', db]);
    options.seed?.({ db, egov: (args, input) => runEgov(bin, args, input) });
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', distDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {string[]} */
  const lines = [];
  const output = () => lines.join('\n');
  /** @type {string | null} */
  let exitStatus = null;
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exitStatus = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve({ code, signal });
    }),
  );
  // If this test process dies without running its after hooks, take the server with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stderr = readline.createInterface({ input: /** @type {NodeJS.ReadableStream} */ (child.stderr) });
  stderr.on('line', (line) => lines.push(`[stderr] ${line}`));
  const stdout = readline.createInterface({ input: /** @type {NodeJS.ReadableStream} */ (child.stdout) });

  const timeoutMs = Number(process.env.EGOV_E2E_START_TIMEOUT_MS || 30_000);
  /** @type {string} */
  let url;
  try {
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`egov serve printed no "listening on" line within ${timeoutMs} ms`)),
        timeoutMs,
      );
      stdout.on('line', (line) => {
        lines.push(line);
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1].replace(/\/+$/, ''));
        }
      });
      exited.then((status) => {
        clearTimeout(timer);
        reject(new Error(`egov serve exited before listening: ${JSON.stringify(status)}`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    process.removeListener('exit', killOnExit);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`${/** @type {Error} */ (error).message}\n--- server output ---\n${output()}`);
  }

  let stopped = false;
  return /** @type {EgovServer} */ ({
    url,
    output,
    died: () => (stopped ? null : exitStatus),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener('exit', killOnExit);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  });
}

/** Launches Debian's Chromium headless (Playwright gives it a fresh temporary profile). */
export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * @typedef {object} EgovContext
 * @property {EgovServer} server
 * @property {import('playwright-core').Browser} browser
 */

/**
 * Registers before/after hooks that start a server and a browser for the current test file.
 * The returned object is filled in by the before hook.
 * @param {ServerOptions} [options]
 * @returns {EgovContext}
 */
export function useEgov(options = {}) {
  const ctx = /** @type {EgovContext} */ ({});
  before(async () => {
    ctx.server = await startServer(options);
    try {
      ctx.browser = await launchBrowser();
    } catch (error) {
      await ctx.server.stop();
      throw error;
    }
  });
  after(async () => {
    await ctx.browser?.close().catch(() => {});
    const died = ctx.server?.died();
    await ctx.server?.stop();
    if (died) throw new Error(`egov serve ended during the tests (${died})\n${tail(ctx.server.output())}`);
  });
  return ctx;
}

/**
 * Runs `fn` with a fresh page (own context: cookies, storage). Fails on uncaught page errors
 * and on 4xx/5xx or failed loads of non-API URLs (the app's files must all load).
 * @param {EgovContext} ctx
 * @param {import('node:test').TestContext} t
 * @param {(page: import('playwright-core').Page) => Promise<void>} fn
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function withPage(ctx, t, fn, options = {}) {
  assertServerAlive(ctx);
  const context = await ctx.browser.newContext({ baseURL: ctx.server.url, locale: 'vi-VN', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught error in page: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/')) {
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  try {
    await fn(page);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  } catch (error) {
    await saveArtifacts(ctx, t, page);
    assertServerAlive(ctx, error);
    throw error;
  } finally {
    await context.close();
  }
}

/** @param {string} text */
function tail(text, lines = 15) {
  return text.split('\n').slice(-lines).join('\n');
}

/**
 * Throws a clear error when the server has crashed, instead of letting the test time out.
 * @param {EgovContext} ctx
 * @param {unknown} [cause]
 */
function assertServerAlive(ctx, cause) {
  const died = ctx.server.died();
  if (died) {
    throw new Error(`egov serve ended unexpectedly (${died}); its last output:\n${tail(ctx.server.output())}`, { cause });
  }
}

/**
 * @param {EgovContext} ctx
 * @param {import('node:test').TestContext} t
 * @param {import('playwright-core').Page} page
 */
async function saveArtifacts(ctx, t, page) {
  try {
    fs.mkdirSync(artifactsDir, { recursive: true });
    const base = path.join(artifactsDir, t.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80));
    await page.screenshot({ path: `${base}.png`, fullPage: true });
    fs.writeFileSync(`${base}.server.log`, ctx.server.output());
    fs.writeFileSync(`${base}.html`, await page.content());
    t.diagnostic(`artifacts: ${base}.{png,html,server.log}`);
  } catch {
    // best effort: the original failure matters more
  }
}

/**
 * The API's answer to a request, fetched from Node (not the browser), so a test can compare
 * what the page shows with what the server said.
 * @param {EgovContext} ctx
 * @param {string} apiPath
 * @param {RequestInit} [init]
 * @returns {Promise<{status: number, body: any}>}
 */
export async function apiCall(ctx, apiPath, init) {
  const response = await fetch(ctx.server.url + apiPath, init);
  const text = await response.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body };
}
