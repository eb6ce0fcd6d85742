// The import wizard: a file with one bad row is checked (row errors, nothing imported, no
// commit), the corrected file is imported and the new employee can be found; the template
// downloads; files that are too large or not XLSX/CSV get a clear message.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, SCREENSHOTS, launchBrowser, signIn, startBackend, withPage, navLink } from './helpers.mjs';

const HEADER =
  'NIP,NIP Lama,Nama,Gelar Depan,Gelar Belakang,Tempat Lahir,Tanggal Lahir,Jenis Kelamin,' +
  'Jenis Pegawai,Golongan,TMT Golongan,Unit,Jabatan,TMT Jabatan,Status,Email,Telepon';
/** Into the vacant "Lurah Gelam" post. */
const GOOD = '19880214 201001 1 002,,Yusuf Maulana,,S.IP.,,1988-02-14,L,PNS,III/c,,Kelurahan Gelam,Lurah Gelam,2026-12-01,,,';
/** Golongan V/z does not exist, and the NIP's birth date is 20 May, not 21 May. */
const BAD = '199305202019031005,,Asep Setiawan,,,,1993-05-21,L,PNS,V/z,,,,,,,';
/** Uploads above this size are refused (413) by this suite's backend. */
const MAX_UPLOAD = 4096;

function csv(...rows) {
  return { name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n')) };
}

describe('impor pegawai', () => {
  let backend;
  let browser;
  before(async () => {
    [backend, browser] = await Promise.all([
      startBackend({ KINERJA_MAX_UPLOAD_BYTES: String(MAX_UPLOAD) }, { demo: true }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });
  const admin = { username: DEMO.admin, password: DEMO.password };

  async function openWizard(page) {
    await page.goto('/');
    await signIn(page, admin);
    // The HR office's menu is grouped: the wizard is under Pegawai.
    await (await navLink(page, 'Impor Pegawai')).click();
    await page.getByRole('heading', { name: 'Impor pegawai', level: 1 }).waitFor();
    await page.waitForFunction(() => document.getElementById('instansi_id')?.value !== '');
  }

  const steps = (page) => page.getByRole('list', { name: 'Langkah impor' });

  test(
    'a file with one bad row shows its errors and imports nothing; the corrected file is imported',
    withPage(fixtures, async (page) => {
      const commits = [];
      page.on('request', (r) => {
        if (r.url().includes('/employees/import?') && r.url().includes('mode=commit')) commits.push(r.url());
      });
      await openWizard(page);
      assert.match(await steps(page).locator('[aria-current="step"]').textContent(), /Pilih berkas/);

      // No file yet.
      await page.getByRole('button', { name: 'Periksa berkas' }).click();
      await page.locator('#file-error').getByText('Pilih berkas XLSX atau CSV terlebih dahulu.').waitFor();

      // The dry run is held back so that its progress can be seen.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route('**/api/v1/employees/import?*', async (route) => {
        await held;
        await route.fallback();
      });
      await page.locator('#file').setInputFiles(csv(GOOD, BAD));
      await page.getByText('Berkas dipilih: pegawai.csv').waitFor();
      await page.getByRole('button', { name: 'Periksa berkas' }).click();
      const progress = page.locator('.upload-progress');
      await progress.getByText(/Mengunggah berkas… \d+%|Memeriksa isi berkas…/).waitFor();
      assert.equal(await progress.getAttribute('role'), 'status');
      await progress.locator('progress').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'import-progress.png'), animations: 'disabled' });
      assert.ok(await page.getByRole('button', { name: 'Periksa berkas' }).isDisabled());
      release();

      // Step 2: the summary and the errors by row and column; no way to commit.
      await page.getByText('Ditemukan 2 kesalahan, jadi belum ada data yang disimpan.', { exact: false }).waitFor();
      const errors = page.getByRole('table', { name: 'Kesalahan per baris' });
      const golongan = errors.getByRole('row', { name: /Golongan/ });
      await golongan.getByText("Golongan 'V/z' tidak dikenal (contoh: III/a).").waitFor();
      assert.equal(await golongan.locator('td').first().textContent(), '3');
      const nip = errors.getByRole('row', { name: /NIP/ });
      await nip
        .getByText('Segmen tanggal lahir NIP (digit 1–8, 19930520) tidak sama dengan tanggal lahir 21-05-1993.')
        .waitFor();
      assert.equal(await nip.locator('td').first().textContent(), '3');
      // A commit imports every row or none: it is not offered while any row has an error.
      assert.ok(await page.getByRole('button', { name: 'Impor 2 pegawai' }).isDisabled());
      assert.match(await steps(page).locator('[aria-current="step"]').textContent(), /Periksa/);
      await page.screenshot({ path: join(SCREENSHOTS, 'import-row-errors.png'), fullPage: true, animations: 'disabled' });
      assert.deepEqual(commits, []);

      // Fix the file and upload it again.
      await page.getByRole('button', { name: 'Unggah berkas yang sudah diperbaiki' }).click();
      await page.getByText('Belum ada berkas yang dipilih.').waitFor();
      await page.locator('#file').setInputFiles(csv(GOOD));
      await page.getByRole('button', { name: 'Periksa berkas' }).click();
      await page.getByText('Semua 1 baris siap diimpor. Belum ada data yang disimpan.').waitFor();
      assert.equal(await page.getByRole('table', { name: 'Kesalahan per baris' }).count(), 0);
      await page.getByRole('button', { name: 'Impor 1 pegawai' }).click();

      // Step 3.
      await page.getByText('1 pegawai berhasil diimpor.').waitFor();
      assert.equal(commits.length, 1);
      assert.match(await steps(page).locator('[aria-current="step"]').textContent(), /Selesai/);
      await page.screenshot({ path: join(SCREENSHOTS, 'import-done.png'), animations: 'disabled' });

      // The new employee can be found, in the Lurah Gelam post.
      await page.getByRole('link', { name: 'Lihat daftar pegawai' }).click();
      await page.getByLabel('Cari nama atau NIP').fill('19880214');
      const row = page.getByRole('row', { name: /Yusuf Maulana, S\.IP\./ });
      await row.getByText('Lurah Gelam').waitFor();
      await row.getByText('19880214 201001 1 002').waitFor();
      await page.getByRole('navigation', { name: 'Navigasi halaman' }).getByText('(1 data)').waitFor();
    }),
  );

  test(
    'the template downloads as XLSX',
    withPage(fixtures, async (page) => {
      await openWizard(page);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Unduh templat' }).click();
      const file = await download;
      assert.equal(file.suggestedFilename(), 'templat-impor-pegawai.xlsx');
      const bytes = await readFile(await file.path());
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
    }),
  );

  test(
    'a file that is not XLSX or CSV, or is too large, is refused with a clear message',
    withPage(fixtures, async (page) => {
      await openWizard(page);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      await page.locator('#file').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: png });
      const answer = page.waitForResponse((r) => r.url().includes('/employees/import?'));
      await page.getByRole('button', { name: 'Periksa berkas' }).click();
      assert.equal((await answer).status(), 415);
      await page.getByRole('alert').getByText('Berkas ini bukan XLSX atau CSV.', { exact: false }).waitFor();

      // A spreadsheet without the column headings: the server's message on the file field.
      await page.locator('#file').setInputFiles({
        name: 'tanpa-judul.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${GOOD}\n`),
      });
      const unreadable = page.waitForResponse((r) => r.url().includes('/employees/import?'));
      await page.getByRole('button', { name: 'Periksa berkas' }).click();
      assert.equal((await unreadable).status(), 422);
      await page
        .locator('#file-error')
        .getByText('Baris pertama harus berisi judul kolom, termasuk kolom NIP (unduh templatnya).')
        .waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'file');

      const big = csv(...Array.from({ length: 80 }, () => GOOD));
      assert.ok(big.buffer.length > MAX_UPLOAD);
      await page.locator('#file').setInputFiles(big);
      await page.getByRole('alert').waitFor({ state: 'detached' });
      const tooLarge = page.waitForResponse((r) => r.url().includes('/employees/import?'));
      await page.getByRole('button', { name: 'Periksa berkas' }).click();
      assert.equal((await tooLarge).status(), 413);
      await page.getByRole('alert').getByText('Berkas terlalu besar untuk diunggah.', { exact: false }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'import-too-large.png'), animations: 'disabled' });
    }),
  );

  test(
    'only admins see the import',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, { username: DEMO.auditor, password: DEMO.password });
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      await (await navLink(page, 'Pegawai', { exact: true })).waitFor();
      assert.equal(await (await navLink(page, 'Impor Pegawai')).count(), 0);
      await page.goto('/pegawai/impor');
      await page.getByRole('alert').getByText('Anda tidak memiliki hak untuk membuka halaman ini.').waitFor();
    }),
  );
});
