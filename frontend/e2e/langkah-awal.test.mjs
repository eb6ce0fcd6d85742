// First steps on the home page, as a new user lives them: the HR office makes the Sekda's
// account (the demo's one employee without an SKP), the Sekda changes the one-time password,
// the checklist shows that step ticked, confirms their data, starts an SKP and sees it tick.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, apiAs, launchBrowser, startBackend, withPage } from './helpers.mjs';

describe('Langkah pertama', () => {
  let backend;
  let browser;

  before(async () => {
    [backend, browser] = await Promise.all([startBackend({}, { demo: true }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });

  test(
    "a new user's checklist ticks as they change the password, check their data and start an SKP",
    withPage(fixtures, async (page) => {
      const hr = await apiAs(backend.url, { username: DEMO.admin, password: DEMO.password });
      const list = await hr('GET', '/employees?per_page=100');
      const sekda = list.items.find((e) => e.jabatan === 'Sekretaris Daerah');
      assert.ok(sekda, 'the demo has a Sekda');
      const made = await hr('POST', '/users/akun-pegawai', { employee_id: sekda.id });

      await page.goto('/');
      await page.getByLabel('NIP / Nama pengguna').fill(made.nip);
      await page.getByLabel('Kata sandi', { exact: true }).fill(made.password_sekali);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.getByLabel('Kata sandi saat ini').fill(made.password_sekali);
      await page.getByLabel('Kata sandi baru', { exact: true }).fill('Sandi-Sekda-Sendiri-1');
      await page.getByLabel('Ulangi kata sandi baru').fill('Sandi-Sekda-Sendiri-1');
      await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
      await page.getByRole('banner').waitFor();

      const card = page.locator('.first-steps');
      await card.getByRole('heading', { name: 'Langkah pertama' }).waitFor();
      const step = (name) => card.locator('.first-step', { hasText: name });
      await step('Ganti kata sandi').and(page.locator('.first-step--done')).waitFor();
      assert.equal(await step('Susun SKP tahun ini').getAttribute('class'), 'first-step');
      await card.getByText(/1 dari \d+ langkah selesai/).waitFor();

      await card.getByRole('button', { name: 'Data saya sudah benar' }).click();
      await step('Periksa data diri').and(page.locator('.first-step--done')).waitFor();

      // Start the SKP from the checklist's own link, then come back home.
      await step('Susun SKP tahun ini').getByRole('link').click();
      await page.getByRole('heading', { name: 'SKP Saya', level: 1 }).waitFor();
      const start = page.getByRole('button', { name: 'Mulai SKP' });
      await start.click();
      await start.waitFor({ state: 'detached' });
      await page.goto('/');
      await step('Susun SKP tahun ini').and(page.locator('.first-step--done')).waitFor();
      await card.getByText(/3 dari \d+ langkah selesai/).waitFor();

      // Hidden for good.
      await card.getByRole('button', { name: 'Sembunyikan daftar ini' }).click();
      await card.waitFor({ state: 'detached' });
      await page.reload();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.locator('.todo__heading, .todo-empty__title').first().waitFor();
      assert.equal(await page.locator('.first-steps').count(), 0);
    }),
  );
});
