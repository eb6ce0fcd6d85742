// The pohon kinerja and the Matriks Peran Hasil in the browser, on the demo data (every
// employee has an approved SKP): the camat opens his SKP's pohon, sees the Sekretaris
// Kecamatan's RHK nested under his and the level below, opens a deeper branch (read when
// opened), then hands an RHK down: the subordinates' approved SKP are not changed, and the
// server's reason is shown per person.

import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, SCREENSHOTS, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

describe('SKP: pohon kinerja dan matriks peran hasil', () => {
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
  const camat = { username: DEMO.camat, password: DEMO.password };

  test(
    'the camat sees the cascade and hands an RHK down to subordinates',
    withPage(fixtures, async (page) => {
      await page.goto('/skp');
      await signIn(page, camat);
      await page.locator('.skp-status--disetujui').first().waitFor();
      await page.getByRole('link', { name: 'Pohon kinerja' }).click();
      await page.waitForURL(/\/skp\/[0-9a-f-]{36}\/pohon$/);
      await page.getByRole('heading', { name: 'Pohon Kinerja', level: 1 }).waitFor();
      // The Sekretaris Kecamatan's RHK under the camat's, and deeper levels below.
      await page
        .locator('.pohon > .pohon__node > .pohon__list .pohon__owner', {
          hasText: 'Sekretaris Kecamatan',
        })
        .first()
        .waitFor();
      // Two levels come with the page; a deeper branch is read when opened.
      await page.locator('.pohon__list .pohon__list .pohon__item').first().waitFor();
      await page.getByRole('button', { name: /^Tampilkan \d+ RHK bawahan$/ }).first().click();
      await page.locator('.pohon__list .pohon__list .pohon__list .pohon__item').first().waitFor();
      await page.screenshot({
        path: join(SCREENSHOTS, 'skp-pohon.png'),
        fullPage: true,
        animations: 'disabled',
      });

      // Matriks Peran Hasil: nothing ticked is refused before sending.
      await page.getByRole('button', { name: 'Bagikan', exact: true }).click();
      await page.getByText('Pilih 1 sampai 100 bawahan.').waitFor();
      await page.getByLabel(/Sekretaris Kecamatan/).first().check();
      await page.getByLabel(/Rina Marlina/).check();
      await page.getByLabel('Indikator').fill('Persentase layanan tepat waktu');
      await page.getByLabel('Target', { exact: true }).fill('95');
      await page.getByLabel('Satuan').fill('persen');
      await page.getByRole('button', { name: 'Bagikan', exact: true }).click();
      const results = page.locator('.distribution');
      await results
        .getByText('SKP bawahan sudah diajukan atau disetujui; RHK tidak ditambahkan.')
        .waitFor();
      await results.getByText('Bukan bawahan langsung yang Anda nilai.').waitFor();
      await results.getByText('Tidak ditambahkan').first().waitFor();
    }),
  );
});
