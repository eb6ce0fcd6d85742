// The access token lives in memory only and expires quickly here (3 s): pages must keep
// working through the refresh cookie, and a reload must restore the session.

import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { ADMIN, launchBrowser, signIn, startBackend, withPage, navLink } from './helpers.mjs';

const TTL_SECS = 3;

describe('sesi', () => {
  let backend;
  let browser;
  before(async () => {
    [backend, browser] = await Promise.all([
      startBackend({ KINERJA_ACCESS_TOKEN_TTL_SECS: String(TTL_SECS) }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });

  test(
    'an expired access token is renewed silently and the page still loads its data',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await signIn(page);
      const welcome = page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` });
      await welcome.waitFor();

      const seen = [];
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/api/')) seen.push(`${r.request().method()} ${path} ${r.status()}`);
      });
      // Nothing to wait for but the clock: the token's `exp` has one-second resolution.
      await delay((TTL_SECS + 1.2) * 1000);

      // Leave and come back: the beranda fetches /auth/me again with the expired token.
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      await (await navLink(page, 'Profil')).click();
      await page.getByRole('heading', { name: 'Profil', level: 1 }).waitFor();
      const ok = (path) =>
        page.waitForResponse((r) => r.url().endsWith(path) && r.status() === 200);
      const loaded = Promise.all([ok('/api/v1/auth/me'), ok('/api/v1/beranda')]);
      await (await navLink(page, 'Beranda')).click();
      await loaded;
      await welcome.waitFor();

      // The beranda loads the user and the to-do list at once: both may meet the expired token,
      // and the one refresh serves both retries.
      const calls = (path) => seen.filter((s) => s.startsWith(`GET ${path} `));
      assert.deepEqual(
        calls('/api/v1/auth/me'),
        ['GET /api/v1/auth/me 401', 'GET /api/v1/auth/me 200'],
        'one 401, one successful retry',
      );
      assert.equal(calls('/api/v1/beranda').at(-1), 'GET /api/v1/beranda 200');
      assert.deepEqual(
        seen.filter((s) => s.startsWith('POST')),
        ['POST /api/v1/auth/refresh 200'],
        'one refresh',
      );
      assert.ok(seen.indexOf('POST /api/v1/auth/refresh 200') > seen.indexOf('GET /api/v1/auth/me 401'));
      // Still signed in, on the page that was asked for.
      assert.equal(new URL(page.url()).pathname, '/');
    }),
  );

  test(
    'when the refresh is refused the user is signed out and sent to /masuk',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await signIn(page);
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
      // The refresh cookie disappears (expired, or revoked elsewhere), then the token expires.
      await page.context().clearCookies();
      await delay((TTL_SECS + 1.2) * 1000);

      // A page of the same bundle (one of the other bundle is a full page load, where the
      // session is restored — or not — from the cookie like on any reload).
      const refresh = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
      // The profile shows the session's user; back on the beranda, its list needs the API.
      await (await navLink(page, 'Profil')).click();
      await page.getByRole('heading', { name: 'Profil', level: 1 }).waitFor();
      await (await navLink(page, 'Beranda')).click();
      assert.equal((await refresh).status(), 401);
      await page.waitForURL((u) => u.pathname === '/masuk');
      await page.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.').waitFor();

      await signIn(page);
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
    }),
  );

  test(
    'a reload restores the session from the refresh cookie (the token is not stored)',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await signIn(page);
      await (await navLink(page, 'Profil')).click();
      await page.waitForURL('**/profil');

      const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
      assert.doesNotMatch(storage, /eyJ/, 'no JWT in web storage');

      const refresh = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
      await page.reload();
      assert.equal((await refresh).status(), 200);
      await page.getByRole('heading', { name: 'Profil', level: 1 }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/profil');
      await page.getByRole('banner').getByText(ADMIN.fullName).waitFor();
    }),
  );
});
