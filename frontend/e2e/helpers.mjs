// Shared fixtures for the browser tests: a real backend on a free port with a fresh SQLite
// data directory, Debian's Chromium driven by playwright-core, and per-test pages that fail on
// CSP violations or uncaught errors and always leave a screenshot behind.
//
// Environment (set by `make e2e`):
//   KINERJA_BIN      the backend binary (target/debug/kinerja)
//   KINERJA_SPA_DIR  the built SPA (frontend/dist)
//   CHROMIUM         optional, defaults to /usr/bin/chromium

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = join(HERE, 'screenshots');

/** The account every suite signs in with (created with `kinerja create-admin`). */
export const ADMIN = {
  username: 'admin.uji',
  password: 'Rahasia-Sekali-1',
  fullName: 'Administrator Uji Coba',
};

function requiredEnv(name) {
  const value = process.env[name];
  assert.ok(value, `${name} must be set (run the tests through \`make e2e\`)`);
  return value;
}

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Runs a command to completion; rejects with its output when it fails. */
async function run(bin, args, env) {
  const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const [code] = await once(child, 'exit');
  assert.equal(code, 0, `${bin} ${args.join(' ')} failed:\n${output}`);
}

/** The accounts and data of `kinerja seed-demo` (Kecamatan Cipocok Jaya, Kota Serang). */
export const DEMO = {
  password: 'Demo-Kinerja-2026',
  admin: 'admin.bkpsdm',
  auditor: 'auditor.inspektorat',
  /** Hendra Gunawan, S.STP., M.Si., camat (pimpinan). */
  camat: '197805122005011003',
  /** Rina Marlina, pelaksana in Subbagian Umum dan Kepegawaian. */
  pegawai: '199003172015032001',
  /** Dewi Lestari, Kepala Subbagian Umum: Rina's PPKin. */
  kasubag: '198507212010012004',
  /** Ahmad Fauzi, Sekretaris Kecamatan: Rina's Atasan PPKin. */
  sekcam: '198102142006041002',
  kelurahan: [
    'Banjaragung',
    'Banjarsari',
    'Cipocok Jaya',
    'Dalung',
    'Gelam',
    'Karundang',
    'Panancangan',
    'Tembong',
  ],
};

/**
 * Starts the backend with a fresh database and the test admin.
 * @param {Record<string, string>} [extraEnv] e.g. { KINERJA_ACCESS_TOKEN_TTL_SECS: '3' }
 * @param {{ demo?: boolean }} [options] `demo`: also run `kinerja seed-demo` (see `DEMO`)
 */
export async function startBackend(extraEnv = {}, { demo = false } = {}) {
  const bin = requiredEnv('KINERJA_BIN');
  const spaDir = requiredEnv('KINERJA_SPA_DIR');
  const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    KINERJA_BIND: `127.0.0.1:${port}`,
    KINERJA_DATA_DIR: dataDir,
    KINERJA_SPA_DIR: spaDir,
    KINERJA_LOG_LEVEL: 'warn',
    KINERJA_WORKERS: '2',
    // No background reminders in the middle of a scenario.
    KINERJA_JOBS_INTERVAL_SECS: '0',
    ...extraEnv,
  };
  // The password goes through the environment, not argv (visible in `ps`).
  await run(bin, ['create-admin', '--username', ADMIN.username, '--full-name', ADMIN.fullName], {
    ...env,
    KINERJA_ADMIN_PASSWORD: ADMIN.password,
  });
  if (demo) await run(bin, ['seed-demo'], env);

  const child = spawn(bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  child.stdout.on('data', (d) => (logs += d));
  child.stderr.on('data', (d) => (logs += d));
  const exited = once(child, 'exit');

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`backend exited early:\n${logs}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`backend not healthy after 30 s:\n${logs}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    logs: () => logs,
    /** Runs another `kinerja` command on the same data directory (e.g. `seed-demo`). */
    cli: (args) => run(bin, args, env),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches headless Debian Chromium. playwright-core gives it a fresh temporary
 * `--user-data-dir` and removes it on close; each test then opens its own context (cookies,
 * storage) with `withPage`.
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A file-system friendly name for a test. */
function slug(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * Wraps a test body: opens a fresh page (own cookies and storage) on the backend, watches the
 * console, and afterwards saves a screenshot and fails on CSP violations or uncaught errors.
 * @param {() => {browser: import('playwright-core').Browser, url: string}} fixtures read when
 *   the test runs (after `before` has started them)
 * @param {(page: import('playwright-core').Page, t: any) => Promise<void>} body
 * @param {{ viewport?: {width: number, height: number} }} [options]
 */
export function withPage(fixtures, body, options = {}) {
  return async (t) => {
    const { browser, url } = fixtures();
    const context = await browser.newContext({
      baseURL: url,
      viewport: options.viewport ?? { width: 1280, height: 800 },
    });
    const page = await context.newPage();

    const problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content Security Policy|Refused to (load|execute|apply|connect|evaluate)/i.test(text)) {
        problems.push(`CSP: ${text}`);
      } else if (msg.type() === 'error' && /panicked|RuntimeError|unreachable/i.test(text)) {
        problems.push(`console: ${text}`);
      }
    });
    // The event is the authoritative CSP signal; record it where the test can read it.
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });

    let failed = false;
    try {
      await body(page, t);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await mkdir(SCREENSHOTS, { recursive: true });
      const file = join(SCREENSHOTS, `${slug(t.name)}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' }).catch(() => {});
      const violations = await page.evaluate(() => window.__csp ?? []).catch(() => []);
      await context.close();
      if (!failed) {
        assert.deepEqual(violations, [], 'CSP violations');
        assert.deepEqual(problems, [], 'console problems');
      }
    }
  };
}

/** Signs in through the login form and waits for the signed-in frame. */
export async function signIn(page, { username = ADMIN.username, password = ADMIN.password } = {}) {
  await page.getByLabel('NIP / Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  // The header only exists in the signed-in frame (the phone drawer may be closed).
  await page.getByRole('banner').waitFor();
}

/**
 * Signs in through the API and returns `api(method, path, body)`: a JSON call under
 * `/api/v1` with that account's token, failing the test on an unsuccessful status.
 * @param {string} url the backend
 * @param {{username: string, password: string}} account
 */
export async function apiAs(url, { username, password }) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.ok(login.ok, `login ${username}: ${login.status}`);
  const token = (await login.json()).access_token;
  return async (method, path, body) => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/**
 * A link of the main navigation by its name. The HR office's menu keeps its items in
 * collapsible groups (only the current page's group is open), so every group is opened first.
 */
export async function navLink(page, name, options = {}) {
  await page
    .locator('#sidebar details')
    .evaluateAll((groups) => groups.forEach((d) => { d.open = true; }))
    .catch(() => {});
  return page.locator('#sidebar').getByRole('link', { name, ...options });
}
