// The citizen satisfaction survey in the browser: a citizen answers the public form on a
// 360 px phone and sees the thank-you page (a second answer from the same phone the same day
// is refused); the counter tablet's kiosk mode resets for the next citizen; the camat sees
// the result with its chart in the staff SPA and publishes it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, apiAs, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const PHONE = { viewport: { width: 360, height: 740 } };

describe('Survei kepuasan masyarakat', () => {
  let backend;
  let browser;
  let survei;
  let camat;

  before(async () => {
    [backend, browser] = await Promise.all([startBackend({}, { demo: true }), launchBrowser()]);
    camat = await apiAs(backend.url, { username: DEMO.camat, password: DEMO.password });
    const periode = (await camat('GET', '/periods')).find((p) => p.status === 'dibuka');
    const find = (nodes) =>
      nodes.map((n) => (n.nama.startsWith('Kecamatan') ? n : find(n.children))).find(Boolean);
    const kecamatan = find(await camat('GET', '/units/tree'));
    const draft = await camat('POST', '/survei', {
      unit_id: kecamatan.id,
      judul: 'SKM Pelayanan Administrasi Uji',
      jenis_periode: 'tahun',
      period_id: periode.id,
      periode_ke: 0,
      populasi: 300,
      layanan: ['KTP elektronik', 'Kartu keluarga', 'Surat pengantar'],
    });
    survei = await camat('POST', `/survei/${draft.id}/buka`, { lock_version: draft.lock_version });
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });

  /** Answers every question of the form with the answer worth `nilai` (1–4). */
  async function answerAll(page, nilai) {
    for (let u = 1; u <= 9; u++) {
      await page.locator(`#q-u${u} input[value="${nilai}"]`).check();
    }
  }

  test(
    'a citizen answers on a 360 px phone and sees the thank-you page',
    withPage(
      fixtures,
      async (page) => {
        await page.goto(`/survei/${survei.kode}`);
        await page.getByRole('heading', { name: 'SKM Pelayanan Administrasi Uji' }).waitFor();
        // Nothing answered: one message, the first question gets the focus, nothing sent.
        await page.getByRole('button', { name: 'Kirim jawaban' }).click();
        await page.getByText(/Mohon jawab semua pertanyaan \(10 belum dijawab\)/).waitFor();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'layanan');

        await page.getByLabel('Layanan yang Anda terima').selectOption('Kartu keluarga');
        await answerAll(page, 4);
        // The answers are labelled controls: a screen reader reads the label of each.
        await page.getByRole('radio', { name: 'Sangat sesuai' }).first().isChecked();
        await page.getByText('Tentang Anda (tidak wajib)').click();
        await page.getByLabel('Usia').selectOption('30_39');
        await page.getByLabel('Saran dan masukan (tidak wajib)').fill('Antrian <b>lebih</b> cepat');
        await page.getByRole('button', { name: 'Kirim jawaban' }).click();
        await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();

        const hasil = await camat('GET', `/survei/${survei.id}/hasil`);
        assert.equal(hasil.hasil.responden, 1);
        assert.equal(hasil.ikm_tampil, 100);
        const respons = await camat('GET', `/survei/${survei.id}/respons`);
        assert.equal(respons.items[0].saran, 'Antrian <b>lebih</b> cepat');
        assert.equal(respons.items[0].usia, '30_39');

        // The same phone again the same day: refused, in plain words.
        await page.goto(`/survei/${survei.kode}`);
        await page.getByLabel('Layanan yang Anda terima').selectOption('KTP elektronik');
        await answerAll(page, 3);
        await page.getByRole('button', { name: 'Kirim jawaban' }).click();
        await page.getByText('Anda sudah mengisi survei ini dalam 24 jam terakhir').waitFor();
        const again = await camat('GET', `/survei/${survei.id}/hasil`);
        assert.equal(again.hasil.responden, 1);
      },
      PHONE,
    ),
  );

  test(
    'the counter tablet in kiosk mode resets for the next citizen',
    withPage(fixtures, async (page) => {
      const tautan = await camat('GET', `/survei/${survei.id}/tautan`);
      await page.goto(tautan.kios);
      for (const nilai of [3, 2]) {
        await page.getByLabel('Layanan yang Anda terima').selectOption('KTP elektronik');
        await answerAll(page, nilai);
        await page.getByRole('button', { name: 'Kirim jawaban' }).click();
        await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
        await page.getByRole('button', { name: 'Responden berikutnya' }).click();
        await page.getByRole('button', { name: 'Kirim jawaban' }).waitFor();
        assert.equal(await page.locator('input[type=radio]:checked').count(), 0, 'an empty form');
      }
      const hasil = await camat('GET', `/survei/${survei.id}/hasil`);
      assert.equal(hasil.hasil.responden, 3);
    }),
  );

  test(
    'the operator imports paper forms: a bad row is shown, nothing stored, the fixed file is stored',
    withPage(fixtures, async (page) => {
      const before = (await camat('GET', `/survei/${survei.id}/hasil`)).hasil.responden;
      await page.goto(`/skm/${survei.id}`);
      await signIn(page, { username: DEMO.camat, password: DEMO.password });
      await page.getByRole('heading', { name: 'Formulir kertas' }).waitFor();
      const csv = (u3) =>
        'layanan;u1;u2;u3;u4;u5;u6;u7;u8;u9;usia\n' +
        'KTP elektronik;4;3;3;4;3;4;4;3;4;30–39 tahun\n' +
        'Kartu keluarga;3;3;3;3;3;3;3;3;3;\n' +
        `Surat pengantar;4;4;${u3};4;4;4;4;4;4;\n`;
      const file = (u3) => ({ name: 'kertas.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(u3)) });
      await page.getByLabel('Berkas (XLSX atau CSV)').setInputFiles(file(7));
      await page.getByRole('button', { name: 'Periksa berkas' }).click();
      await page.getByText('3 baris dibaca, 2 baris benar.').waitFor();
      // The bad row and column are named; nothing can be stored yet.
      await page.getByRole('cell', { name: '4', exact: true }).first().waitFor();
      await page.getByRole('cell', { name: /^U3/ }).first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Simpan semua baris' }).count(), 0);
      assert.equal((await camat('GET', `/survei/${survei.id}/hasil`)).hasil.responden, before);

      await page.getByLabel('Berkas (XLSX atau CSV)').setInputFiles(file(3));
      await page.getByRole('button', { name: 'Periksa berkas' }).click();
      await page.getByText('3 baris dibaca, 3 baris benar.').waitFor();
      await page.getByRole('button', { name: 'Simpan semua baris' }).click();
      await page.getByText('3 formulir disimpan.').waitFor();
      assert.equal((await camat('GET', `/survei/${survei.id}/hasil`)).hasil.responden, before + 3);
    }),
  );

  for (const [name, viewport] of [
    ['1366', { width: 1366, height: 900 }],
    ['360', { width: 360, height: 740 }],
  ]) {
    test(
      `the camat sees the result with its chart and publishes it (${name} px)`,
      withPage(
        fixtures,
        async (page) => {
          await page.goto(`/skm/${survei.id}`);
          await signIn(page, { username: DEMO.camat, password: DEMO.password });
          await page.getByRole('heading', { name: 'SKM Pelayanan Administrasi Uji', level: 1 }).waitFor();
          await page.getByRole('img', { name: /^IKM \d+\.\d\d — Mutu [A-D]/ }).waitFor();
          await page.getByRole('img', { name: 'Grafik nilai per unsur' }).waitFor();
          // The figures are in a table too: nine unsur.
          assert.equal(await page.locator('table').first().locator('tbody tr').count(), 9);
          await page.getByText('Sampel belum mencukupi').waitFor();
          if (name === '1366') {
            // The demo feeds the camat's IKM indicator from his kecamatan's surveys.
            await page.getByText(/Diisi dari survei Kecamatan Cipocok Jaya/).waitFor();
            await page.getByLabel('Hasil dipublikasikan').check();
            await page.getByText('Perubahan disimpan.').waitFor();
            const s = await camat('GET', `/survei/${survei.id}`);
            assert.equal(s.dipublikasikan, true);
          }
        },
        { viewport },
      ),
    );
  }
});
