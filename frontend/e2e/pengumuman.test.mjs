// Announcements in the browser, on the demo: the HR office's year-end announcement shows to
// Rina until she marks it read; the camat announces to Rina's unit, and its read count rises
// when she opens and marks it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, launchBrowser, navLink, signIn, startBackend, withPage } from './helpers.mjs';

const RINA = { username: DEMO.pegawai, password: DEMO.password };
const CAMAT = { username: DEMO.camat, password: DEMO.password };
const SEKCAM = { username: DEMO.sekcam, password: DEMO.password };

describe('Pengumuman', () => {
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
    'the demo announcement shows on every page until it is marked read',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, RINA);
      const banner = page.locator('.announcement', { hasText: 'Penilaian kinerja akhir tahun' });
      await banner.waitFor();
      await (await navLink(page, 'SKP Saya')).click();
      await banner.waitFor();
      await banner.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
      await banner.waitFor({ state: 'detached' });
      await page.reload();
      await page.getByRole('banner').waitFor();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      assert.equal(await page.locator('.announcement').count(), 0);
    }),
  );

  test(
    "the camat announces to Rina's unit and its read count rises when she marks it",
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, CAMAT);
      await (await navLink(page, 'Pengumuman')).click();
      await page.getByRole('heading', { name: 'Pengumuman', level: 1 }).waitFor();
      await page.getByLabel('Judul', { exact: true }).fill('Apel pagi subbagian umum');
      await page.getByLabel('Isi', { exact: true }).fill('Apel pagi Senin pukul 07.30 di halaman kantor kecamatan.');
      await page.getByLabel('Ditujukan kepada').selectOption('unit');
      const unit = page.getByLabel('Unit', { exact: true });
      const value = await unit
        .locator('option', { hasText: 'Subbagian Umum dan Kepegawaian' })
        .getAttribute('value');
      await unit.selectOption(value);
      await page.getByRole('button', { name: 'Umumkan' }).click();
      await page.getByText('Pengumuman diterbitkan.').waitFor();
      const item = page.locator('.announce-item', { hasText: 'Apel pagi subbagian umum' });
      const before = await item.getByText(/Dibaca 0 dari \d+ akun/).textContent();
      const total = before.match(/dari (\d+) akun/)[1];

      // Rina, in another window: the banner, then read.
      const other = await browser.newContext({ baseURL: backend.url, viewport: { width: 360, height: 740 } });
      const rina = await other.newPage();
      await rina.goto('/');
      await signIn(rina, RINA);
      const mine = rina.locator('.announcement', { hasText: 'Apel pagi subbagian umum' });
      await mine.waitFor();
      await mine.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
      await mine.waitFor({ state: 'detached' });
      await other.close();

      // The sekcam (the unit above) is not addressed.
      const third = await browser.newContext({ baseURL: backend.url });
      const sekcam = await third.newPage();
      await sekcam.goto('/');
      await signIn(sekcam, SEKCAM);
      await sekcam.locator('.announcement', { hasText: 'Penilaian kinerja akhir tahun' }).waitFor();
      assert.equal(await sekcam.locator('.announcement', { hasText: 'Apel pagi' }).count(), 0);
      await third.close();

      await page.reload();
      await item.getByText(`Dibaca 1 dari ${total} akun`).waitFor();
      await item.getByRole('button', { name: 'Pembaca' }).click();
      await item.getByRole('cell', { name: /Rina Marlina/ }).waitFor();
    }),
  );
});
