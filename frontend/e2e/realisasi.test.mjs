// Measurement and feedback in the browser, on the demo data (every employee has an approved
// SKP of the current year, monthly sub-periods): Rina plans and enters the current month's
// realisasi, sees her capaian, uploads a PDF as evidence (progress to 100 %) and adds a link;
// Dewi, her PPKin, opens Rina's realisasi, downloads the evidence, marks it "sesuai" with a
// note and writes tagged feedback on the indicator and on a BerAKHLAK value; Rina sees the
// verdict and the feedback and replies. The Atasan PPKin only reads; an old month is locked;
// an employee without subordinates sees an empty list.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, SCREENSHOTS, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

/** Rina's PPKin (Kepala Subbagian Umum) and Atasan PPKin (Sekretaris Kecamatan). */
const DEWI = { username: '198507212010012004', password: DEMO.password };
const AHMAD = { username: '198102142006041002', password: DEMO.password };
const RINA = { username: DEMO.pegawai, password: DEMO.password };

const INDICATOR = 'Jumlah laporan hasil kerja yang diselesaikan';
const PLAN = 'Menyusun dan mengirim laporan kegiatan bulanan subbagian';
const BASIS = 'Laporan kegiatan diterima pejabat penilai';
const FILE_NAME = 'laporan-kegiatan.pdf';
const LINK = 'https://drive.serangkota.go.id/berkas/laporan-kegiatan';
const NOTE = 'Bukti lengkap dan sesuai dengan realisasi.';
const FEEDBACK = 'Laporan bulan ini rapi dan tepat waktu, pertahankan.';
const FEEDBACK_VALUE = 'Terus tingkatkan kerja sama dengan seksi pelayanan.';
const REPLY = 'Terima kasih, Bu. Akan saya pertahankan.';

/** A tiny but well-formed PDF (the server recognises files by content). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

describe('Realisasi: mengisi, memeriksa bukti, umpan balik', () => {
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
  const shot = (page, name) =>
    page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true, animations: 'disabled' });
  const card = (page) => page.locator('.iki-card', { hasText: INDICATOR });
  const currentMonth = () => String(new Date().getMonth() + 1);

  test(
    'Rina enters a realisasi value, sees her capaian and uploads a PDF as evidence',
    withPage(fixtures, async (page) => {
      await page.goto('/skp');
      await signIn(page, RINA);
      // SKP Saya opens the realisasi of the SKP it shows.
      await page.getByRole('link', { name: 'Isi realisasi' }).click();
      await page.waitForURL(/\/realisasi\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Realisasi SKP', level: 1 }).waitFor();
      await card(page).waitFor();
      // The menu opens the open period's.
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Realisasi Saya' }).click();
      await page.getByRole('heading', { name: 'Realisasi Saya', level: 1 }).waitFor();
      // The current month is chosen.
      const subPeriod = page.getByLabel('Periode pengukuran');
      await card(page).waitFor();
      assert.equal(await subPeriod.inputValue(), currentMonth());
      await page.getByText(/Realisasi periode ini dapat diisi sampai/).waitFor();
      const iki = card(page);
      await iki.locator('.capaian__value', { hasText: 'Belum ada' }).waitFor();
      // Evidence needs a value first.
      await iki.getByText('Simpan realisasi lebih dahulu, lalu lampirkan bukti dukungnya.').waitFor();
      assert.ok(await iki.getByRole('button', { name: 'Unggah bukti' }).isDisabled());

      // Rencana aksi with this month's target.
      await iki.getByLabel('Uraian rencana aksi', { exact: true }).fill(PLAN);
      await iki.getByLabel('Target periode ini').fill('2');
      await iki.getByRole('button', { name: 'Simpan rencana aksi' }).click();
      await iki.getByText('Rencana aksi disimpan.').waitFor();

      // Realisasi: not a number (checked here), negative (checked by the server, shown on the
      // field), then a real value.
      const value = iki.getByLabel('Nilai realisasi', { exact: true });
      await value.fill('satu');
      await iki.getByRole('button', { name: 'Simpan realisasi' }).click();
      await iki.getByText('Isi dengan angka, misalnya 12 atau 2,5.').waitFor();
      await value.fill('-3');
      await iki.getByRole('button', { name: 'Simpan realisasi' }).click();
      await iki.getByText('Realisasi harus bilangan tidak negatif.').waitFor();
      assert.equal(await value.getAttribute('aria-invalid'), 'true');
      await value.fill('1');
      await iki.getByLabel('Dasar realisasi').fill(BASIS);
      await iki.getByRole('button', { name: 'Simpan realisasi' }).click();
      await iki.getByText('Realisasi disimpan.').waitFor();
      assert.equal(await value.getAttribute('aria-invalid'), 'false');
      // 1 of this month's 2 laporan: 50 % for the IKI, its RHK and the SKP.
      await iki.locator('.capaian__value', { hasText: '50%' }).waitFor();
      await page.locator('.capaian-summary .capaian__value', { hasText: '50%' }).waitFor();
      await page.locator('.rhk-realisasi > .capaian .capaian__value', { hasText: '50%' }).waitFor();
      await iki.getByText(/Diperbarui/).waitFor();

      // A PDF, with its progress.
      await iki.locator('input[type="file"]').setInputFiles({
        name: FILE_NAME,
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await iki.getByText(new RegExp(`Berkas dipilih: ${FILE_NAME}`)).waitFor();
      await iki.getByRole('button', { name: 'Unggah bukti' }).click();
      const progress = iki.locator('.upload-progress');
      await progress.getByText('Bukti dukung terunggah.').waitFor();
      assert.equal(await progress.getAttribute('role'), 'status');
      assert.equal(await progress.locator('progress').getAttribute('value'), '100');
      const item = iki.locator('.bukti-item', { hasText: FILE_NAME });
      await item.locator('.bukti__status', { hasText: 'Belum diperiksa' }).waitFor();

      // A link: only http(s).
      const link = iki.getByLabel('Tautan bukti');
      await link.fill('ftp://arsip.serangkota.go.id/laporan');
      await iki.getByRole('button', { name: 'Tambahkan tautan' }).click();
      await iki.getByText('Tautan harus diawali http:// atau https://.').waitFor();
      await link.fill(LINK);
      await iki.getByRole('button', { name: 'Tambahkan tautan' }).click();
      await iki.getByText('Tautan ditambahkan.').waitFor();
      await iki.locator('.bukti-item a.bukti__link', { hasText: LINK }).waitFor();
      assert.equal(await iki.locator('.bukti-item').count(), 2);
      // A wrong upload is removed again (only unchecked pieces can be).
      await iki.locator('input[type="file"]').setInputFiles({ name: 'salah.pdf', mimeType: 'application/pdf', buffer: PDF });
      await iki.getByRole('button', { name: 'Unggah bukti' }).click();
      const wrong = iki.locator('.bukti-item', { hasText: 'salah.pdf' });
      await wrong.getByRole('button', { name: 'Hapus' }).click();
      await wrong.waitFor({ state: 'detached' });
      assert.equal(await iki.locator('.bukti-item').count(), 2);
      await shot(page, 'realisasi-rina.png');

      // Saved for real: a reload shows the same sheet.
      await page.reload();
      await card(page).locator('.capaian__value', { hasText: '50%' }).waitFor();
      assert.equal(await card(page).getByLabel('Nilai realisasi', { exact: true }).inputValue(), '1');
      await card(page).locator('.bukti-item', { hasText: FILE_NAME }).waitFor();
    }),
  );

  test(
    'Dewi opens Rina’s realisasi, downloads and verifies the evidence and writes feedback',
    withPage(fixtures, async (page) => {
      await page.goto('/realisasi/bawahan');
      await signIn(page, DEWI);
      await page.getByRole('heading', { name: 'Realisasi Bawahan', level: 1 }).waitFor();
      await page
        .getByRole('row', { name: /Rina Marlina/ })
        .getByRole('link', { name: 'Buka realisasi' })
        .click();
      await page.getByRole('heading', { name: 'Realisasi SKP', level: 1 }).waitFor();
      await page.getByText('Rina Marlina').first().waitFor();
      const iki = card(page);
      await iki.locator('.capaian__value', { hasText: '50%' }).waitFor();
      await iki.locator('.iki-card__realisasi', { hasText: /^1 laporan/ }).waitFor();
      await iki.getByText(PLAN).waitFor();
      // The superior reads; only the owner enters values.
      assert.equal(await page.getByRole('button', { name: 'Simpan realisasi' }).count(), 0);

      const item = iki.locator('.bukti-item', { hasText: FILE_NAME });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        item.getByRole('button', { name: 'Unduh' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), FILE_NAME);
      const chunks = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk);
      assert.deepEqual(Buffer.concat(chunks), PDF);

      // The verdict needs a choice, then is saved with its note.
      await item.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
      await item.getByText('Pilih hasil pemeriksaan.').waitFor();
      await item.getByLabel('Sesuai', { exact: true }).check();
      await item.getByLabel('Catatan pemeriksaan').fill(NOTE);
      await item.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
      await item.getByText('Pemeriksaan bukti disimpan.').waitFor();
      await item.locator('.bukti__status.verif--sesuai', { hasText: 'Sesuai' }).waitFor();
      await item.locator('.bukti__note', { hasText: NOTE }).waitFor();

      // Feedback: both fields are required.
      const send = page.getByRole('button', { name: 'Kirim umpan balik' });
      await send.click();
      await page.getByText('Pilih tepat satu: RHK, indikator, atau nilai perilaku.').waitFor();
      await page.getByText('Umpan balik wajib diisi (maksimal 2000 karakter).').waitFor();
      // "Beri umpan balik" on the indicator chooses it in the composer.
      await iki.getByRole('button', { name: 'Beri umpan balik' }).click();
      const about = page.getByLabel('Tentang');
      assert.match(await about.inputValue(), /^iki:/);
      await page.getByRole('textbox', { name: 'Umpan balik', exact: true }).fill(FEEDBACK);
      await page.getByLabel('Positif').check();
      await send.click();
      await page.getByText('Umpan balik terkirim.').waitFor();
      const thread = page.locator('.feedback-item', { hasText: FEEDBACK });
      await thread.locator('.feedback-tag--positif', { hasText: 'Positif' }).waitFor();
      await thread.getByText(INDICATOR).waitFor();
      assert.equal(await page.getByRole('textbox', { name: 'Umpan balik', exact: true }).inputValue(), '');

      // On a BerAKHLAK value, without a tag.
      await about.selectOption({ label: 'Kolaboratif' });
      await page.getByRole('textbox', { name: 'Umpan balik', exact: true }).fill(FEEDBACK_VALUE);
      await send.click();
      const second = page.locator('.feedback-item', { hasText: FEEDBACK_VALUE });
      await second.getByText('Kolaboratif').waitFor();
      assert.equal(await second.locator('.feedback-tag').count(), 0);
      // Newest first.
      await page.locator('.feedback-item').first().getByText(FEEDBACK_VALUE).waitFor();
      await shot(page, 'realisasi-ppkin.png');
    }),
  );

  test(
    'Rina sees the verdict and the feedback and replies',
    withPage(fixtures, async (page) => {
      await page.goto('/realisasi');
      await signIn(page, RINA);
      // Notified of the verdict and the feedback.
      await page.locator('.bell__count').waitFor();
      const item = card(page).locator('.bukti-item', { hasText: FILE_NAME });
      await item.locator('.bukti__status', { hasText: 'Sesuai' }).waitFor();
      await item.getByText(NOTE).waitFor();
      assert.equal(await item.getByRole('button', { name: 'Hapus' }).count(), 0, 'a checked piece stays');
      const thread = page.locator('.feedback-item', { hasText: FEEDBACK });
      await thread.getByText(/Dewi Lestari/).waitFor();
      await thread.locator('.feedback-tag--positif').waitFor();
      // The employee replies; she does not write feedback.
      assert.equal(await page.getByRole('button', { name: 'Kirim umpan balik' }).count(), 0);
      await thread.getByRole('button', { name: 'Balas' }).click();
      await thread.getByText('Balasan wajib diisi (maksimal 2000 karakter).').waitFor();
      await thread.getByLabel('Balasan Anda').fill(REPLY);
      await thread.getByRole('button', { name: 'Balas' }).click();
      await page.getByText('Balasan terkirim.').waitFor();
      const reply = page.locator('.feedback-item', { hasText: FEEDBACK }).locator('.feedback-reply');
      await reply.getByText(REPLY).waitFor();
      await reply.getByText(/Rina Marlina/).waitFor();
      await shot(page, 'realisasi-reply.png');
    }),
  );

  test(
    'the Atasan PPKin reads the realisasi and the reply but cannot verify or give feedback',
    withPage(fixtures, async (page) => {
      await page.goto('/realisasi/bawahan');
      await signIn(page, AHMAD);
      await page
        .getByRole('row', { name: /Rina Marlina/ })
        .getByRole('link', { name: 'Buka realisasi' })
        .click();
      await page
        .getByText('Pemeriksaan bukti dan umpan balik hanya dapat diberikan oleh pejabat penilai kinerja langsung.')
        .waitFor();
      await card(page).locator('.bukti__status', { hasText: 'Sesuai' }).waitFor();
      await page.locator('.feedback-reply', { hasText: REPLY }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Simpan pemeriksaan' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Kirim umpan balik' }).count(), 0);
    }),
  );

  test(
    'a past month is locked and read-only',
    withPage(fixtures, async (page, t) => {
      // January locks on 6 February (5 days after its end).
      const now = new Date();
      if (now.getMonth() === 0 || (now.getMonth() === 1 && now.getDate() <= 5)) {
        t.skip('January is still open');
        return;
      }
      await page.goto('/realisasi');
      await signIn(page, RINA);
      await card(page).waitFor();
      // A link names the sub-period (as the reminder before a lock does).
      await page.goto('/realisasi?periode_ke=1');
      await card(page).waitFor();
      assert.equal(await page.getByLabel('Periode pengukuran').inputValue(), '1');
      await page.locator('.sheet-locked', { hasText: /Periode ini terkunci sejak \d+ Feb/ }).waitFor();
      // The demo measured every past month: January shows its value, read-only.
      await card(page).getByText('Laporan bulanan').waitFor();
      assert.equal(await card(page).locator('.iki-card__realisasi', { hasText: 'Belum diisi' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Simpan realisasi' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Unggah bukti' }).count(), 0);
    }),
  );

  test(
    'an employee without subordinates sees an empty Realisasi Bawahan',
    withPage(fixtures, async (page) => {
      await page.goto('/realisasi/bawahan');
      await signIn(page, RINA);
      await page.getByText('Belum ada SKP bawahan yang disetujui.').waitFor();
      assert.equal(await page.getByRole('link', { name: 'Buka realisasi' }).count(), 0);
    }),
  );
});
