// Signing in and out, the route guard, and login throttling.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN, launchBrowser, signIn, startBackend, withPage, navLink } from './helpers.mjs';

describe('masuk dan keluar', () => {
  let backend;
  let browser;
  before(async () => {
    [backend, browser] = await Promise.all([startBackend(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });

  test(
    'the signed-in area redirects to /masuk and returns there after login',
    withPage(fixtures, async (page) => {
      await page.goto('/profil');
      await page.waitForURL('**/masuk?kembali=%2Fprofil');
      await page.getByRole('heading', { name: 'Masuk', level: 1 }).waitFor();
      assert.equal(await page.title(), 'Masuk · Kinerja');

      await signIn(page);
      await page.waitForURL('**/profil');
      await page.getByRole('heading', { name: 'Profil', level: 1 }).waitFor();
    }),
  );

  test(
    'wrong password shows the Indonesian message and keeps the user on /masuk',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await page.getByLabel('NIP / Nama pengguna').fill(ADMIN.username);
      await page.getByLabel('Kata sandi', { exact: true }).fill('salah-sekali-123');
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Nama pengguna atau kata sandi salah/);
      assert.match(page.url(), /\/masuk$/);
      // The password field is emptied and focused for the next try.
      assert.equal(await page.getByLabel('Kata sandi', { exact: true }).inputValue(), '');
      await page.waitForFunction(() => document.activeElement?.id === 'password');
    }),
  );

  test(
    'empty fields are caught by the shared validator rules before sending',
    withPage(fixtures, async (page) => {
      let loginRequests = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/api/v1/auth/login')) loginRequests += 1;
      });
      await page.goto('/masuk');
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.locator('#username-error').getByText('Nama pengguna wajib diisi').waitFor();
      await page.locator('#password-error').getByText('Kata sandi wajib diisi').waitFor();
      assert.equal(await page.getByLabel('NIP / Nama pengguna').getAttribute('aria-invalid'), 'true');
      await page.waitForFunction(() => document.activeElement?.id === 'username');
      assert.equal(loginRequests, 0);
    }),
  );

  test(
    'successful login shows who is signed in on the beranda',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await signIn(page);
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }).waitFor();
      const main = page.getByRole('main');
      await main.getByText(ADMIN.username).waitFor();
      await main.getByText('Admin kepegawaian').first().waitFor();
      // No instansi yet, so nothing to do: the to-do list says so.
      await main.getByRole('heading', { name: 'Tidak ada yang perlu dikerjakan' }).waitFor();
      // Admins see the user list in the navigation, in its group (Sistem).
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      await (await navLink(page, 'Pengguna')).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Beranda' }).getAttribute('aria-current'), 'page');
      // The header shows the name and role.
      const header = page.getByRole('banner');
      await header.getByText(ADMIN.fullName).waitFor();
      await header.getByText('Admin kepegawaian').waitFor();
    }),
  );

  test(
    'logout ends the session and the guard sends the user back to /masuk',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await signIn(page);
      const logout = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
      await page.getByRole('button', { name: 'Keluar' }).click();
      assert.equal((await logout).status(), 204);
      await page.waitForURL((u) => u.pathname === '/masuk');
      await page.getByText('Anda telah keluar.').waitFor();

      // The cookie is gone: a reload does not restore the session, and the guard redirects.
      await page.goto('/');
      await page.waitForURL((u) => u.pathname === '/masuk');
      await page.getByRole('heading', { name: 'Masuk', level: 1 }).waitFor();
    }),
  );

  test(
    'repeated failures are throttled with the wait from Retry-After',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      const username = page.getByLabel('NIP / Nama pengguna');
      const password = page.getByLabel('Kata sandi', { exact: true });
      await username.fill('pegawai.tidak.ada');
      const statuses = [];
      for (let i = 0; i < 6; i += 1) {
        await password.fill(`percobaan-salah-${i}`);
        const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
        await page.getByRole('button', { name: 'Masuk', exact: true }).click();
        const response = await answer;
        statuses.push(response.status());
        // Wait until the form is usable again before the next try.
        await page.getByRole('button', { name: 'Masuk', exact: true }).and(page.locator(':enabled')).waitFor();
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
      const alert = page.getByRole('alert');
      await alert.getByText(/Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam \d+ menit\./).waitFor();
    }),
  );
});
