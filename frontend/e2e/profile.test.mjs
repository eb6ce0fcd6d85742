// Changing the password: client-side rules, the server's 422 on the field, and success.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

describe('profil', () => {
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

  async function fillPasswords(page, current, next, repeat = next) {
    await page.getByLabel('Kata sandi saat ini').fill(current);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(next);
    await page.getByLabel('Ulangi kata sandi baru').fill(repeat);
  }

  test(
    'short and mismatched new passwords are rejected before sending',
    withPage(fixtures, async (page) => {
      await page.goto('/profil');
      await signIn(page);
      await page.waitForURL('**/profil');
      let sent = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/change-password')) sent += 1;
      });
      await fillPasswords(page, ADMIN.password, 'pendek', 'lain');
      await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
      await page.locator('#new_password-error').getByText('Kata sandi baru minimal 10').waitFor();
      await page.locator('#confirm_password-error').getByText('Ulangan kata sandi baru tidak sama.').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'new_password');
      assert.equal(sent, 0);
    }),
  );

  test(
    'a wrong current password shows the server error on its field',
    withPage(fixtures, async (page) => {
      await page.goto('/profil');
      await signIn(page);
      await page.waitForURL('**/profil');
      await fillPasswords(page, 'bukan-kata-sandi-ini', 'Kata-Sandi-Baru-2026');
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/change-password'));
      await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
      assert.equal((await answer).status(), 422);
      const error = page.locator('#current_password-error');
      await error.getByText('Kata sandi saat ini salah.').waitFor();
      assert.equal(await page.getByLabel('Kata sandi saat ini').getAttribute('aria-invalid'), 'true');
      assert.equal(
        await page.getByLabel('Kata sandi saat ini').getAttribute('aria-describedby'),
        'current_password-error',
      );
    }),
  );

  test(
    'the password is changed and the new one signs in',
    withPage(fixtures, async (page) => {
      const newPassword = 'Kata-Sandi-Baru-2026';
      await page.goto('/profil');
      await signIn(page);
      await page.waitForURL('**/profil');
      await fillPasswords(page, ADMIN.password, newPassword);
      await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
      await page.getByRole('status').getByText('Kata sandi berhasil diganti.').waitFor();
      assert.equal(await page.getByLabel('Kata sandi saat ini').inputValue(), '');

      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.waitForURL((u) => u.pathname === '/masuk');
      await signIn(page, { password: newPassword });
      await page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }).waitFor();
    }),
  );
});
