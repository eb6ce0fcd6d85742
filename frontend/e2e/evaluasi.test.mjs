// Evaluation in the browser, on the demo year (last month rated by the PPKin of the
// Sekretariat, the kecamatan's organisation predikat set): the camat rates three of the
// employees he assesses for the current month and watches the quota bar of the distribution
// pattern move (the live "+1" before setting, the count after); Rina objects to last month's
// result with a PDF attached (an HTML file is refused, a wrong upload removed), Dewi (her PPKin)
// downloads it and explains, Ahmad (the Atasan PPKin) changes it, and the original stays in the
// history; a Dokumen Evaluasi Kinerja is made, downloaded and verified on its public page; Dewi
// writes the improvement plan of the employee rated below expectations, with a training from
// the catalogue, and checks in; the camat sets a seksi's organisation predikat and reads the
// Format Penetapan of his kecamatan and of the seksi.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { DEMO, apiAs, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const RINA = { username: DEMO.pegawai, password: DEMO.password };
const DEWI = { username: DEMO.kasubag, password: DEMO.password };
const AHMAD = { username: DEMO.sekcam, password: DEMO.password };
const CAMAT = { username: DEMO.camat, password: DEMO.password };

const month = new Date().getMonth() + 1;
/** Three weeks ahead, as YYYY-MM-DD: a due date for an improvement action. */
const due = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
const lastMonth = month - 1;
/** A small real PDF: an objection's attachment. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('Evaluasi: menilai bawahan, keberatan, dokumen', () => {
  let backend;
  let browser;

  before(async () => {
    [backend, browser] = await Promise.all([startBackend({}, { demo: true }), launchBrowser()]);
    // The HR office records the kecamatan's organisation predikat for the current month: the
    // distribution pattern of its employees follows from it.
    const api = await apiAs(backend.url, { username: DEMO.admin, password: DEMO.password });
    const periods = await api('GET', '/periods');
    const periode = periods.find((p) => p.status === 'dibuka');
    const find = (nodes) =>
      nodes.map((n) => (n.nama.startsWith('Kecamatan') ? n : find(n.children))).find(Boolean);
    const kecamatan = find(await api('GET', '/units/tree'));
    assert.ok(kecamatan, 'the demo has the kecamatan');
    await api('PUT', `/units/${kecamatan.id}/predikat-organisasi`, {
      periode_id: periode.id,
      periode_ke: month,
      predikat: 'baik',
      dasar: 'Capaian Perjanjian Kinerja kecamatan sesuai target bulan ini.',
    });
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });

  test(
    'the camat rates three subordinates and sees the quota bar change',
    withPage(fixtures, async (page) => {
      await page.goto('/evaluasi/bawahan');
      await signIn(page, CAMAT);
      await page.getByRole('heading', { name: 'Penilaian Bawahan', level: 1 }).waitFor();
      await page.getByLabel('Periode pengukuran').selectOption(String(month));
      const bar = page.locator('.quota');
      await bar.getByText('Kuota pola distribusi · Kecamatan Cipocok Jaya').waitFor();
      await bar.getByText('Predikat kinerja organisasi: Baik').waitFor();
      const used = (predikat) => bar.locator(`.quota__row[data-predikat="${predikat}"] .quota__used`);
      assert.equal(await used('baik').textContent(), '0');
      assert.equal(await used('sangat_baik').textContent(), '0');

      const rows = page.locator('.eval-row', { has: page.getByRole('button', { name: 'Tetapkan' }) });
      await rows.first().waitFor();
      assert.ok((await rows.count()) >= 3, 'the camat assesses at least three employees');
      const rate = async (hasil, perilaku) => {
        const row = rows.first();
        const nip = await row.getAttribute('data-nip');
        await row.getByLabel('Rating hasil kerja').selectOption(hasil);
        await row.getByLabel('Rating perilaku kerja').selectOption(perilaku);
        return { row: page.locator(`.eval-row[data-nip="${nip}"]`), nip };
      };

      // First: Sesuai/Sesuai → Baik. Chosen but not set, it shows as "+1" on the bar.
      let { row } = await rate('sesuai_ekspektasi', 'sesuai_ekspektasi');
      await row.locator('.predikat', { hasText: 'Baik' }).waitFor();
      await bar.locator('.quota__row[data-predikat="baik"] .quota__planned', { hasText: '+1' }).waitFor();
      assert.equal(await used('baik').textContent(), '0');
      await row.getByRole('button', { name: 'Tetapkan' }).click();
      await row.getByText('Penilaian ditetapkan.').waitFor();
      await page.waitForFunction(
        () => document.querySelector('.quota__row[data-predikat="baik"] .quota__used')?.textContent === '1',
      );
      assert.equal(await bar.locator('.quota__planned').count(), 0);

      // Second: Di Atas/Di Atas → Sangat Baik.
      ({ row } = await rate('di_atas_ekspektasi', 'di_atas_ekspektasi'));
      await row.locator('.predikat', { hasText: 'Sangat Baik' }).waitFor();
      await row.getByRole('button', { name: 'Tetapkan' }).click();
      await row.getByText('Penilaian ditetapkan.').waitFor();
      await page.waitForFunction(
        () => document.querySelector('.quota__row[data-predikat="sangat_baik"] .quota__used')?.textContent === '1',
      );

      // Third: Di Atas/Sesuai → Baik again.
      ({ row } = await rate('di_atas_ekspektasi', 'sesuai_ekspektasi'));
      await row.getByRole('button', { name: 'Tetapkan' }).click();
      await row.getByText('Penilaian ditetapkan.').waitFor();
      await page.waitForFunction(
        () => document.querySelector('.quota__row[data-predikat="baik"] .quota__used')?.textContent === '2',
      );
      await bar.getByText('3 pegawai dinilai').waitFor();
      // A set evaluation has no more inputs in its row.
      assert.equal(await row.getByLabel('Rating hasil kerja').count(), 0);

      // After a reload the server's counts are the same.
      await page.reload();
      await page.getByLabel('Periode pengukuran').selectOption(String(month));
      await page.waitForFunction(
        () => document.querySelector('.quota__row[data-predikat="baik"] .quota__used')?.textContent === '2',
      );
    }),
  );

  test(
    'an objection goes through the explanation and the decision; the original stays in the history',
    withPage(fixtures, async (page) => {
      assert.ok(lastMonth >= 1, 'the demo year has a past month (not January)');
      await page.goto('/evaluasi');
      await signIn(page, RINA);
      await page.getByRole('heading', { name: 'Evaluasi Saya', level: 1 }).waitFor();
      assert.equal(await page.getByLabel('Periode pengukuran').inputValue(), String(lastMonth));
      const summary = page.locator('.eval-summary');
      await summary.locator('.predikat', { hasText: 'Baik' }).waitFor();
      await summary.getByText('Batas pengajuan keberatan').waitFor();

      // Too short a reason: the server's message under the field, nothing filed.
      await page.getByLabel('Alasan keberatan').fill('Kurang');
      await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
      await page.getByText('Tuliskan alasan keberatan (10–4000 karakter).').waitFor();
      await page
        .getByLabel('Alasan keberatan')
        .fill('Laporan kegiatan bulan lalu selesai seluruhnya sebelum tenggat; mohon ditinjau kembali.');
      await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
      await page.getByText('Menunggu penjelasan pejabat penilai').waitFor();
      const url = new URL(page.url());

      // Attachments: checked by content (an HTML page named .pdf is refused); a real PDF is
      // listed; one added by mistake is removed again.
      const picker = page.getByLabel('Berkas lampiran (PDF, JPG, PNG, XLSX, atau DOCX)');
      await picker.setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
      const refused = page.waitForResponse((r) => r.url().endsWith('/keberatan/lampiran'));
      await page.getByRole('button', { name: 'Unggah lampiran' }).click();
      assert.equal((await refused).status(), 415);
      await page.getByRole('alert').getByText('Jenis berkas tidak didukung', { exact: false }).waitFor();
      const attach = async (name) => {
        await picker.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
        await page.getByRole('button', { name: 'Unggah lampiran' }).click();
        await page.locator('.bukti-item', { hasText: name }).waitFor();
        await page.locator('.upload-progress').getByText('Lampiran terunggah.').waitFor();
      };
      await attach('laporan-kegiatan.pdf');
      await attach('salah-unggah.pdf');
      await page.locator('.bukti-item', { hasText: 'salah-unggah.pdf' }).getByRole('button', { name: 'Hapus' }).click();
      await page.locator('.bukti-item', { hasText: 'salah-unggah.pdf' }).waitFor({ state: 'detached' });
      await page.reload();
      await page.locator('.bukti-item', { hasText: 'laporan-kegiatan.pdf' }).waitFor();
      assert.equal(await page.locator('.bukti-item').count(), 1);

      // Dewi, the PPKin, follows her notification and explains.
      const dewi = await page.context().browser().newContext({ baseURL: backend.url });
      const p2 = await dewi.newPage();
      await p2.goto('/notifikasi');
      await signIn(p2, DEWI);
      // The newest first (the demo holds an older, decided objection).
      await p2
        .locator('.notification', { hasText: 'Rina Marlina mengajukan keberatan atas penilaian' })
        .first()
        .getByRole('link', { name: 'Buka' })
        .click();
      await p2.waitForURL(new RegExp(`/evaluasi/[0-9a-f-]{36}\\?periode_ke=${lastMonth}$`));
      // She reads the attachment: the very PDF Rina sent.
      const item = p2.locator('.bukti-item', { hasText: 'laporan-kegiatan.pdf' });
      const [download] = await Promise.all([
        p2.waitForEvent('download'),
        item.getByRole('button', { name: 'Unduh' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'laporan-kegiatan.pdf');
      assert.deepEqual(await readFile(await download.path()), PDF);
      assert.equal(await item.getByRole('button', { name: 'Hapus' }).count(), 0, 'only Rina removes');
      await p2.getByLabel('Penjelasan pejabat penilai').fill(
        'Penilaian mempertimbangkan dua laporan yang perlu perbaikan format sebelum diterima.',
      );
      await p2.getByRole('button', { name: 'Kirim penjelasan' }).click();
      await p2.getByText('Menunggu keputusan atasan pejabat penilai').waitFor();
      const evalUrl = p2.url();
      await dewi.close();

      // Ahmad, the Atasan PPKin, changes the result; the decision is final.
      const ahmad = await page.context().browser().newContext({ baseURL: backend.url });
      const p3 = await ahmad.newPage();
      await p3.goto(evalUrl);
      await signIn(p3, AHMAD);
      await p3.getByRole('heading', { name: 'Putuskan keberatan' }).waitFor();
      await p3.getByLabel('Diubah').check();
      await p3.getByLabel('Rating hasil kerja').selectOption('di_atas_ekspektasi');
      await p3.getByLabel('Rating perilaku kerja').selectOption('di_atas_ekspektasi');
      await p3.locator('.eval-predikat .predikat', { hasText: 'Sangat Baik' }).waitFor();
      await p3.getByLabel('Pertimbangan keputusan').fill('Bukti penyelesaian laporan tepat waktu lengkap.');
      await p3.getByRole('button', { name: 'Putuskan keberatan' }).click();
      await p3.getByText('Diputus (final)').waitFor();
      assert.equal(await p3.getByRole('button', { name: 'Putuskan keberatan' }).count(), 0);
      await ahmad.close();

      // Rina sees the final result and the original in the history.
      await page.goto(url.pathname + url.search);
      await page.locator('.eval-summary .predikat', { hasText: 'Sangat Baik' }).waitFor();
      await page.getByText('Diputus (final)').waitFor();
      const history = page.locator('section', { has: page.getByRole('heading', { name: 'Riwayat penilaian' }) });
      await history.locator('tr', { hasText: 'keberatan' }).waitFor();
      await history.locator('tr', { hasText: 'Baik' }).first().waitFor();
      assert.ok((await history.locator('tbody tr').count()) >= 2, 'the original and the changed result');
      assert.equal(await page.getByRole('button', { name: 'Ajukan keberatan' }).count(), 0);
      // Once explained, the attachments stay as they were read.
      await page.locator('.bukti-item', { hasText: 'laporan-kegiatan.pdf' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Unggah lampiran' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Hapus' }).count(), 0);
    }),
  );

  test(
    'a document is made, downloaded and verified on its public page',
    withPage(fixtures, async (page) => {
      await page.goto('/evaluasi');
      await signIn(page, DEWI);
      await page.getByRole('heading', { name: 'Evaluasi Saya', level: 1 }).waitFor();
      const docs = page.locator('section', { has: page.getByRole('heading', { name: 'Dokumen Evaluasi Kinerja' }) });
      await docs.getByText('Belum ada dokumen.').waitFor();
      await docs.getByRole('button', { name: 'Buat dokumen' }).click();
      const row = docs.locator('.doc-row').first();
      await row.waitFor();
      const nomor = (await row.locator('.mono').textContent()).trim();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('button', { name: 'Unduh PDF' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.pdf$/);
      const path = await download.path();
      const { readFile } = await import('node:fs/promises');
      assert.equal((await readFile(path)).subarray(0, 5).toString('latin1'), '%PDF-');

      const href = await row.getByRole('link', { name: 'Halaman verifikasi' }).getAttribute('href');
      assert.match(href, /^\/verifikasi\/[A-Za-z0-9_-]+$/);
      // The public page needs no sign-in: a fresh context.
      const visitor = await page.context().browser().newContext({ baseURL: backend.url });
      const v = await visitor.newPage();
      await v.goto(href);
      await v.getByRole('heading', { name: 'Verifikasi Dokumen Evaluasi Kinerja' }).waitFor();
      await v.getByText('ASLI — isi dokumen sesuai dengan yang diterbitkan.').waitFor();
      await v.getByText(nomor).waitFor();
      await v.getByText('Dewi Lestari').waitFor();
      await v.goto('/verifikasi/bukan-kode-asli');
      await v.getByRole('heading', { name: 'Dokumen tidak ditemukan' }).waitFor();
      await visitor.close();
    }),
  );

  test(
    'the PPKin writes an improvement plan with a training from the catalogue and checks in',
    withPage(fixtures, async (page) => {
      await page.goto('/evaluasi/bawahan');
      await signIn(page, DEWI);
      await page.getByRole('heading', { name: 'Penilaian Bawahan', level: 1 }).waitFor();
      assert.equal(await page.getByLabel('Periode pengukuran').inputValue(), String(lastMonth));
      // Last month the Pengelola Kepegawaian was rated below expectations: a plan is open.
      const low = page.locator('.eval-row', { has: page.locator('.predikat', { hasText: 'Butuh Perbaikan' }) });
      await low.first().waitFor();
      await low.first().locator('.eval-row__who a').click();
      await page.waitForURL(new RegExp(`/evaluasi/[0-9a-f-]{36}\\?periode_ke=${lastMonth}$`));
      const plan = page.locator('section', { has: page.getByRole('heading', { name: 'Rencana perbaikan' }) });
      await plan.waitFor();
      await plan.getByText('Tulis atau ubah rencana perbaikan').click();
      await plan.getByLabel('Saran perbaikan').fill('Rapikan penatausahaan berkas kepegawaian dan ikuti pelatihan kearsipan.');
      await plan.getByLabel(/^Tindakan, satu per baris/).fill(`${due} Menyusun ulang indeks berkas kepegawaian\nMelaporkan kemajuan setiap pekan`);
      const catalogue = plan.getByLabel('Tambah dari katalog pelatihan');
      await catalogue.locator('option', { hasText: 'Pelayanan Prima' }).waitFor({ state: 'attached' });
      await catalogue.selectOption('Pelatihan Pelayanan Prima');
      assert.match(await plan.getByLabel('Pelatihan, satu per baris').inputValue(), /Pelatihan Pelayanan Prima$/);
      await plan.getByRole('button', { name: 'Simpan rencana perbaikan' }).click();
      await plan.locator('li', { hasText: 'Menyusun ulang indeks berkas kepegawaian' }).getByText('jatuh tempo').waitFor();
      await plan.locator('li', { hasText: 'Pelatihan Pelayanan Prima' }).waitFor();
      await plan.getByText('Rapikan penatausahaan berkas kepegawaian').waitFor();

      await plan.getByLabel('Catatan perkembangan').fill('Indeks berkas 40 % selesai.');
      await plan.getByRole('button', { name: 'Catat perkembangan' }).click();
      await plan.locator('li', { hasText: 'Indeks berkas 40 % selesai.' }).getByText('Dewi Lestari').waitFor();
    }),
  );

  test(
    'the HR office adds a training to the catalogue and sets an angka kredit coefficient',
    withPage(fixtures, async (page) => {
      await page.goto('/referensi-penilaian');
      await signIn(page, { username: DEMO.admin, password: DEMO.password });
      await page.getByRole('heading', { name: 'Referensi Penilaian', level: 1 }).waitFor();
      const catalogue = page.locator('section', { has: page.getByRole('heading', { name: 'Katalog pelatihan' }) });
      await catalogue.locator('tr[data-pelatihan="Pelatihan Pelayanan Prima"]').waitFor();

      // Field errors under the fields, nothing added.
      await catalogue.getByLabel('Nama pelatihan').fill('ab');
      await catalogue.getByLabel('Jam pelajaran (JP)').fill('0');
      await catalogue.getByRole('button', { name: 'Tambah pelatihan' }).click();
      await catalogue.getByText('Nama pelatihan 3–200 karakter.').waitFor();
      await catalogue.getByText('JP antara 1 dan 1000.').waitFor();

      await catalogue.getByLabel('Nama pelatihan').fill('Pelatihan Arsip Digital');
      await catalogue.getByLabel('Jenis kompetensi').selectOption('teknis');
      await catalogue.getByLabel('Jam pelajaran (JP)').fill('24');
      await catalogue.getByRole('button', { name: 'Tambah pelatihan' }).click();
      const row = catalogue.locator('tr[data-pelatihan="Pelatihan Arsip Digital"]');
      await row.getByText('Aktif', { exact: true }).waitFor();
      // The same name again: the server's message under the name.
      await catalogue.getByLabel('Nama pelatihan').fill('Pelatihan Arsip Digital');
      await catalogue.getByRole('button', { name: 'Tambah pelatihan' }).click();
      await catalogue.getByText('Pelatihan dengan nama ini sudah ada di katalog.').waitFor();
      // Withdrawn: kept in the list, no longer offered to plans.
      await row.getByRole('button', { name: 'Tarik' }).click();
      await row.getByText('Nonaktif', { exact: true }).waitFor();

      // Ahli Pertama: seeded 12.5, set to 10.
      const coef = page.getByLabel('Ahli Pertama');
      assert.equal(await coef.inputValue(), '12.5');
      await coef.fill('0');
      const li = page.locator('.coef-row', { has: coef });
      await li.getByRole('button', { name: 'Simpan' }).click();
      await li.getByText('Koefisien lebih dari 0 dan paling besar 100.').waitFor();
      await coef.fill('10');
      await li.getByRole('button', { name: 'Simpan' }).click();
      await li.getByText('Koefisien disimpan.').waitFor();
      await page.reload();
      await page.getByLabel('Ahli Pertama').waitFor();
      assert.equal(await page.getByLabel('Ahli Pertama').inputValue(), '10');
    }),
  );

  test(
    'the camat sets a unit’s organisation predikat and reads the Format Penetapan',
    withPage(fixtures, async (page) => {
      await page.goto('/evaluasi/organisasi');
      await signIn(page, CAMAT);
      await page.getByRole('heading', { name: 'Predikat Organisasi', level: 1 }).waitFor();
      // The page opens on last month, whose kecamatan predikat the demo also set: a link with
      // the sub-period opens this month's list straight away.
      await page.goto(`/evaluasi/organisasi?periode_ke=${month}`);
      assert.equal(await page.getByLabel('Periode pengukuran').inputValue(), String(month));
      const row = (name) =>
        page.locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });

      // The kecamatan's own predikat is set above him (here by the HR office): he reads it.
      const kecamatan = row('Kecamatan Cipocok Jaya');
      await kecamatan.locator('.predikat', { hasText: 'Baik' }).waitFor();
      await kecamatan.getByRole('button', { name: 'Format Penetapan Predikat Kinerja' }).click();
      await page.getByRole('heading', { name: 'Format Penetapan Predikat Kinerja · Kecamatan Cipocok Jaya' }).waitFor();
      await page.getByText('Capaian Perjanjian Kinerja kecamatan sesuai target bulan ini.').waitFor();
      await page.locator('.quota').getByText('Kuota pola distribusi · Kecamatan Cipocok Jaya').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Simpan predikat' }).count(), 0);

      // A seksi below him: not set yet; the basis is required.
      const seksi = row('Seksi Pelayanan');
      await seksi.getByText('Belum ditetapkan').waitFor();
      await seksi.getByRole('button', { name: 'Tetapkan predikat' }).click();
      await page.getByRole('button', { name: 'Simpan predikat' }).click();
      await page.getByText('Pilih predikat kinerja organisasi.').waitFor();
      await page.getByLabel('Predikat kinerja organisasi').selectOption('istimewa');
      await page.getByLabel('Dasar penetapan').fill('Singkat');
      await page.getByRole('button', { name: 'Simpan predikat' }).click();
      await page.getByText('Tuliskan dasar penetapan (10–4000 karakter).').waitFor();
      await page.getByLabel('Dasar penetapan').fill('Seluruh rencana aksi layanan terselesaikan sebelum tenggat.');
      await page.getByRole('button', { name: 'Simpan predikat' }).click();
      await page.getByText('Predikat kinerja organisasi disimpan.').waitFor();
      await seksi.locator('.predikat', { hasText: 'Istimewa' }).waitFor();
      // Its Format Penetapan: the Istimewa pattern for the seksi's employees.
      await page.getByRole('heading', { name: 'Format Penetapan Predikat Kinerja · Seksi Pelayanan' }).waitFor();
      const quota = page.locator('.quota', { hasText: 'Seksi Pelayanan' });
      await quota.locator('strong', { hasText: 'Istimewa' }).first().waitFor();
      assert.equal(await quota.locator('.quota__row').count(), 5);

      // Saved for real; the year has its own predikat.
      await page.reload();
      await row('Seksi Pelayanan').locator('.predikat', { hasText: 'Istimewa' }).waitFor();
      await page.getByLabel('Periode pengukuran').selectOption('0');
      await row('Seksi Pelayanan').getByText('Belum ditetapkan').waitFor();
      // The choice is kept in the address: a reload opens the year again.
      await page.waitForURL(/\/evaluasi\/organisasi\?periode_ke=0$/);
      await page.reload();
      assert.equal(await page.getByLabel('Periode pengukuran').inputValue(), '0');
      await row('Seksi Pelayanan').getByText('Belum ditetapkan').waitFor();
    }),
  );
});
