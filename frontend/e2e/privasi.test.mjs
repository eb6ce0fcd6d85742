// Personal data (issue #20, UU 27/2022): Rina (demo pegawai) downloads her data from her
// profile and it lists that the HR office read her full record; the HR office sees that read in
// the listing of reads of personal data (/sistem/privasi), and Rina may not open it.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { DEMO, apiAs, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const RINA = { username: DEMO.pegawai, password: DEMO.password };
const HR = { username: DEMO.admin, password: DEMO.password };
const PHONE = { width: 360, height: 740 };

describe('Data pribadi', () => {
  let backend;
  let browser;

  before(async () => {
    [backend, browser] = await Promise.all([startBackend({}, { demo: true }), launchBrowser()]);
    // The HR office opens Rina's full record.
    const hr = await apiAs(backend.url, HR);
    const list = await hr('GET', `/employees?q=${DEMO.pegawai}`);
    await hr('GET', `/employees/${list.items[0].id}`);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  test(
    'Rina downloads her data and it lists that the HR office read her record',
    withPage(
      () => ({ browser, url: backend.url }),
      async (page) => {
        await page.goto('/profil');
        await signIn(page, RINA);
        await page.getByRole('heading', { name: 'Data Saya' }).waitFor();
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Unduh JSON' }).click();
        const file = await (await download).path();
        const data = JSON.parse(await readFile(file, 'utf8'));
        assert.equal(data.pegawai.nip, DEMO.pegawai);
        const read = data.akses.find((a) => a.aktor_username === DEMO.admin);
        assert.ok(read, JSON.stringify(data.akses));
        assert.equal(read.dasar, 'semua_pegawai');
        assert.ok(data.bagian.some((b) => b.kunci === 'skps' && b.baris.length > 0));

        const pdf = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Unduh PDF' }).click();
        const bytes = await readFile(await (await pdf).path());
        assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
        await page.screenshot({ path: '/tmp/pdp-profil-1366.png', fullPage: true });
        await page.setViewportSize(PHONE);
        await page.screenshot({ path: '/tmp/pdp-profil-360.png', fullPage: true });

        // The listing is not hers to see.
        await page.goto('/sistem/privasi');
        await page.getByText('Anda tidak memiliki hak untuk membuka halaman ini.').waitFor();
        assert.equal(await page.locator('#akses-data').count(), 0);
      },
    ),
  );

  test(
    'the HR office sees the read in the listing of reads of personal data',
    withPage(
      () => ({ browser, url: backend.url }),
      async (page) => {
        await page.goto('/sistem/privasi');
        await signIn(page, HR);
        await page.getByRole('heading', { name: 'Akses Data Pribadi', level: 1 }).waitFor();
        const row = page
          .locator('#akses-data tr[data-akses]')
          .filter({ hasText: 'Rina Marlina' })
          .filter({ hasText: DEMO.admin });
        await row.first().waitFor();
        await row.first().getByText('Data lengkap pegawai').waitFor();
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Unduh CSV' }).click();
        const csv = await readFile(await (await download).path(), 'utf8');
        assert.ok(csv.includes(DEMO.pegawai) && csv.includes(DEMO.admin), csv);
        await page.screenshot({ path: '/tmp/pdp-privasi-1366.png', fullPage: true });
        await page.getByRole('button', { name: /Ganti ke Bahasa Inggris|EN/ }).first().click();
        await page.getByRole('heading', { name: 'Personal data reads', level: 1 }).waitFor();
        await row.first().getByText('Full employee record').waitFor();
        await page.setViewportSize(PHONE);
        await page.screenshot({ path: '/tmp/pdp-privasi-360.png', fullPage: true });
      },
    ),
  );
});
