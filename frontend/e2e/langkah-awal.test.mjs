// First steps on the home page, as a new hire lives them: the HR office records a new employee
// on the vacant kasi post of Kelurahan Tembong and makes her account; she changes the one-time
// password, sees that step ticked, confirms her data, starts her SKP and sees it tick.

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
      const units = await hr('GET', '/units?q=Kelurahan%20Tembong');
      const tembong = units.items.find((u) => u.nama === 'Kelurahan Tembong');
      const vacant = await hr('GET', `/positions?within=${tembong.id}&vacant=true`);
      assert.ok(vacant.items.length > 0, 'the demo keeps a kasi post vacant in Tembong');
      const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
      const hire = await hr('POST', '/employees', {
        instansi_id: tembong.instansi_id,
        nip: '199205142020122003',
        nama: 'Nadia Putri',
        tanggal_lahir: '1992-05-14',
        jenis_kelamin: 'p',
        jenis_pegawai: 'pns',
        jabatan_id: vacant.items[0].id,
        tmt_jabatan: today,
      });
      const made = await hr('POST', '/users/akun-pegawai', { employee_id: hire.id });

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
      // A new pelaksana rates nobody: five steps, one done.
      await card.getByText('1 dari 5 langkah selesai').waitFor();
      // The guides of the role are one click away.
      const guides = card.getByRole('link', { name: 'Belum tahu caranya? Baca panduan untuk peran Anda' });
      assert.equal(await guides.getAttribute('href'), '/panduan');

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
      await card.getByText('3 dari 5 langkah selesai').waitFor();

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
