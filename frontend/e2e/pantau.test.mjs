// The dashboard in the browser, on the demo: the camat opens it, sees the kelurahan that are
// behind, follows "Realisasi kosong" down to Kelurahan Tembong and one of its employees, and
// lands on that employee's realisasi of the month; the page on a phone; a pegawai has none.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, launchBrowser, navLink, signIn, startBackend, withPage } from './helpers.mjs';

const CAMAT = { username: DEMO.camat, password: DEMO.password };
const RINA = { username: DEMO.pegawai, password: DEMO.password };

describe('Dasbor kinerja', () => {
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
    'the camat follows missing realisasi down to a kelurahan and an employee',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, CAMAT);
      await (await navLink(page, 'Dasbor Kinerja')).click();
      await page.getByRole('heading', { name: 'Dasbor Kinerja', level: 1 }).waitFor();
      const table = page.locator('table.dasbor-tabel');
      await table.waitFor();
      // One line per kelurahan, the total line of the kecamatan.
      for (const k of DEMO.kelurahan) {
        await table.getByRole('rowheader', { name: `Kelurahan ${k}` }).waitFor();
      }
      await table.getByRole('rowheader', { name: 'Seluruh Kecamatan Cipocok Jaya' }).waitFor();
      // The charts carry their numbers as tables.
      await page.getByRole('img', { name: 'Status SKP per unit' }).waitFor();
      await page.getByRole('img', { name: 'Sebaran predikat' }).waitFor();

      // Down into Kelurahan Tembong, where nobody entered last month's realisasi.
      await table.getByRole('link', { name: 'Rincian Kelurahan Tembong' }).click();
      await page.getByRole('navigation', { name: 'Jalur unit' }).getByText('Kelurahan Tembong').waitFor();
      const total = page.locator('table.dasbor-tabel tfoot');
      await total.getByRole('rowheader', { name: 'Seluruh Kelurahan Tembong' }).waitFor();
      const missing = total.getByRole('link', { name: /^Realisasi kosong: \d+ — Kelurahan Tembong$/ });
      const n = Number((await missing.textContent()).trim());
      assert.ok(n > 0, 'Tembong is behind');
      await missing.click();

      // The people behind the number, each with the page where it is done.
      await page.getByRole('heading', { name: 'Pegawai: Realisasi kosong', level: 1 }).waitFor();
      await page.getByText(`${n} pegawai di Kelurahan Tembong dan unit di bawahnya`).waitFor();
      // The dashboard is kept: the list is from the same count and says when it was made.
      await page.getByText(/^Daftar ini dari hitungan pada /).waitFor();
      const rows = page.locator('tbody tr');
      assert.equal(await rows.count(), n);
      const name = (await rows.first().getByRole('rowheader').textContent()).replace(/\d{18}$/, '').trim();
      await rows.first().getByRole('link', { name: /^Buka realisasi/ }).click();
      await page.waitForURL(/\/realisasi\/[0-9a-f-]{36}\?periode_ke=\d+$/);
      await page.getByRole('heading', { name: 'Realisasi SKP', level: 1 }).waitFor();
      await page.getByText(name, { exact: false }).first().waitFor();
    }),
  );

  test(
    'on a phone the dashboard is readable',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, CAMAT);
      await page.goto('/dasbor');
      await page.getByRole('heading', { name: 'Dasbor Kinerja', level: 1 }).waitFor();
      await page.getByRole('img', { name: 'Capaian rata-rata per periode' }).waitFor();
      // Nothing wider than the screen but the table, which scrolls in its own box.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 360, `page width ${wide}`);
    }, { viewport: { width: 360, height: 740 } }),
  );

  test(
    'a pegawai has no dashboard',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, RINA);
      assert.equal(await (await navLink(page, 'Dasbor Kinerja')).count(), 0);
      const refused = page.waitForResponse((r) => r.url().includes('/api/v1/dasbor'));
      await page.goto('/dasbor');
      assert.equal((await refused).status(), 403);
      await page.getByRole('alert').first().waitFor();
    }),
  );
});
