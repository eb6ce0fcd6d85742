// Creating and editing an employee: the NIP is checked as it is typed with the shared rules
// (Indonesian messages naming the wrong segment), server 422s land on their fields.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, SCREENSHOTS, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

describe('tambah dan ubah pegawai', () => {
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
  const as = (username) => ({ username, password: DEMO.password });

  /** Counts the create requests the page sends. */
  function countPosts(page) {
    const sent = { count: 0 };
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/employees') sent.count += 1;
    });
    return sent;
  }

  test(
    'an invalid NIP shows the Indonesian segment message as it is typed, then a valid one is saved',
    withPage(fixtures, async (page) => {
      const sent = countPosts(page);
      await page.goto('/pegawai');
      await signIn(page, as(DEMO.admin));
      await page.getByRole('link', { name: 'Tambah pegawai' }).click();
      await page.getByRole('heading', { name: 'Tambah pegawai', level: 1 }).waitFor();
      // The only instansi is chosen already.
      await page.waitForFunction(() => document.getElementById('instansi_id')?.value !== '');

      const nip = page.locator('#nip');
      const nipError = page.locator('#nip-error');
      await page.getByLabel('Nama (tanpa gelar)').fill('Dewi Lestari');
      await page.getByLabel('Gelar belakang').fill('S.E.');
      await page.getByText('Ditulis: Dewi Lestari, S.E.').waitFor();
      await nip.fill('19900102 201503 2 001');
      // 18 digits: checked at once; the birth date is not known yet, so the NIP is fine so far.
      assert.equal(await nipError.textContent(), '');
      await page.getByLabel('Tanggal lahir').fill('1990-01-01');
      await nipError
        .getByText(
          'Segmen tanggal lahir NIP (digit 1–8, 19900102) tidak sama dengan tanggal lahir 01-01-1990.',
        )
        .waitFor();
      assert.equal(await nip.getAttribute('aria-invalid'), 'true');
      // The sex digit is checked when the sex is chosen.
      await page.getByLabel('Jenis kelamin').selectOption('l');
      await nipError.getByText('Digit jenis kelamin NIP (digit 15) tidak sesuai dengan jenis kelamin laki-laki.').waitFor();
      await page.getByLabel('Jenis kelamin').selectOption('p');
      await nipError.getByText(/jenis kelamin laki-laki/).waitFor({ state: 'detached' });

      // Saving is refused before anything is sent; the focus goes to the NIP.
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Periksa kembali isian yang ditandai.').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'nip');
      assert.equal(sent.count, 0);
      await page.screenshot({ path: join(SCREENSHOTS, 'employee-form-invalid-nip.png'), fullPage: true, animations: 'disabled' });

      // The same message in English.
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await nipError
        .getByText(
          'The birth-date segment of the NIP (digits 1–8, 19900102) does not match the date of birth 01-01-1990.',
        )
        .waitFor();
      await page.getByRole('button', { name: 'ID', exact: true }).click();

      // Corrected: the NIP agrees, a vacant position is chosen (narrowed by unit), and it saves.
      await nip.fill('19900101 201503 2 001');
      await page.getByText('Sesuai dengan tanggal lahir dan jenis kelamin.').waitFor();
      assert.equal(await nipError.textContent(), '');
      const unit = page.getByLabel('Unit jabatan');
      const tembong = await unit.evaluate(
        (el) => [...el.options].find((o) => o.textContent.trim() === 'Kelurahan Tembong')?.value,
      );
      await unit.selectOption(tembong);
      const position = page.getByLabel('Jabatan (lowong)');
      const label = 'Kepala Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial — Kelurahan Tembong';
      // Only the unit's vacancy is left (and "no position").
      await page.waitForFunction(() => document.getElementById('jabatan_id')?.options.length === 2);
      await position.locator('option', { hasText: label }).waitFor({ state: 'attached' });
      await position.selectOption({ label });
      await page.getByLabel('Golongan', { exact: true }).selectOption('III/d');

      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByRole('heading', { name: 'Dewi Lestari, S.E.', level: 1 }).waitFor();
      assert.equal(sent.count, 1);
      await page.getByText('Pegawai berhasil ditambahkan.').waitFor();
      await page.getByText('19900101 201503 2 001').first().waitFor();
      await page.getByText('III/d — Penata Tingkat I').waitFor();
      const history = page.locator('section', { has: page.getByRole('heading', { name: 'Riwayat jabatan' }) });
      await history.getByText('Kepala Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'employee-created.png'), fullPage: true, animations: 'disabled' });
    }),
  );

  test(
    'the server refuses a NIP that is already registered, on the NIP field',
    withPage(fixtures, async (page) => {
      await page.goto('/pegawai/baru');
      await signIn(page, as(DEMO.admin));
      await page.waitForFunction(() => document.getElementById('instansi_id')?.value !== '');
      await page.getByLabel('Nama (tanpa gelar)').fill('Rina Marlina Kedua');
      await page.locator('#nip').fill(DEMO.pegawai);
      await page.getByLabel('Tanggal lahir').fill('1990-03-17');
      await page.getByLabel('Jenis kelamin').selectOption('p');
      await page.getByText('Sesuai dengan tanggal lahir dan jenis kelamin.').waitFor();
      const answer = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/employees',
      );
      await page.getByRole('button', { name: 'Simpan' }).click();
      assert.equal((await answer).status(), 422);
      await page.locator('#nip-error').getByText('NIP sudah terdaftar untuk pegawai lain.').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'nip');
      assert.equal(new URL(page.url()).pathname, '/pegawai/baru');
    }),
  );

  test(
    'an edit is saved and shown on the record',
    withPage(fixtures, async (page) => {
      await page.goto('/pegawai?q=Rina%20Marlina');
      await signIn(page, as(DEMO.admin));
      await page.getByRole('link', { name: 'Rina Marlina', exact: true }).click();
      await page.getByRole('link', { name: 'Ubah data' }).click();
      await page.getByRole('heading', { name: 'Ubah data pegawai', level: 1 }).waitFor();
      const phone = page.getByLabel('Telepon');
      await phone.waitFor();
      assert.equal(await page.getByLabel('Nama (tanpa gelar)').inputValue(), 'Rina Marlina');
      assert.equal(await page.locator('#nip').inputValue(), '19900317 201503 2 001');
      await phone.fill('0812-3456-7890');
      await page.getByLabel('Email').fill('bukan-email');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.locator('#email-error').getByText('Alamat email tidak valid.').waitFor();
      await page.getByLabel('Email').fill('rina.marlina@serangkota.go.id');
      await page.getByLabel('Alasan perubahan (opsional)').fill('Pemutakhiran kontak');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Data pegawai tersimpan.').waitFor();
      await page.getByText('0812-3456-7890').waitFor();
      await page.getByText('rina.marlina@serangkota.go.id').waitFor();
    }),
  );

  test(
    'a pegawai cannot open the form',
    withPage(fixtures, async (page) => {
      await page.goto('/pegawai/baru');
      await signIn(page, as(DEMO.pegawai));
      await page.getByRole('alert').getByText('Anda tidak memiliki hak untuk membuka halaman ini.').waitFor();
      assert.equal(await page.getByLabel('Nama (tanpa gelar)').count(), 0);
    }),
  );
});
