// The home page (beranda) as a to-do list, on the demo year: Rina sees this month's realisasi
// due with its lock date in words (in Indonesian and English) and last month's objection
// window; after she adds evidence and objects, Dewi (her PPKin) sees the evidence to check and
// the objection to explain; after Dewi explains, Ahmad (the Atasan PPKin) sees the objection to
// decide; the camat sees the people he has not rated for last month; the HR office has nothing
// to do. Each item's link leads to the page where it is done.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, apiAs, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const RINA = { username: DEMO.pegawai, password: DEMO.password };
const DEWI = { username: DEMO.kasubag, password: DEMO.password };
const AHMAD = { username: DEMO.sekcam, password: DEMO.password };
const CAMAT = { username: DEMO.camat, password: DEMO.password };
const ADMIN = { username: DEMO.admin, password: DEMO.password };

// Today in the instansi's zone (WIB, UTC+7), as the server counts it.
const wib = new Date(Date.now() + 7 * 3_600_000);
const year = wib.getUTCFullYear();
const month = wib.getUTCMonth() + 1;
const lastMonth = month - 1;
const DAY = 86_400_000;

/** "Desember 2026" / "December 2026". */
const monthName = (locale, m) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, m - 1, 1),
  );
/** "5 Januari 2027" / "5 January 2027". */
const inWords = (locale, millis) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(millis);

describe('Beranda: yang perlu dikerjakan berikutnya', () => {
  let backend;
  let browser;
  let rina;
  let dewi;
  let rinaSkp;
  let jeda;
  /** Rina's evaluation of last month (none in January). */
  let lastEval;

  before(async () => {
    [backend, browser] = await Promise.all([startBackend({}, { demo: true }), launchBrowser()]);
    rina = await apiAs(backend.url, RINA);
    dewi = await apiAs(backend.url, DEWI);
    const periode = (await rina('GET', '/periods')).find((p) => p.status === 'dibuka');
    jeda = periode.jeda_kunci_realisasi_hari;
    rinaSkp = await rina('GET', `/skp/mine?periode_id=${periode.id}`);
    if (lastMonth >= 1) {
      const page = await rina('GET', `/skp/${rinaSkp.id}/evaluasi?periode_ke=${lastMonth}`);
      lastEval = page.evaluasi;
    }
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });

  test(
    'Rina sees this month’s realisasi due with its lock date, in both languages',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, RINA);
      await page.getByRole('heading', { name: 'Selamat datang, Rina Marlina' }).waitFor();
      const own = page.getByRole('region', { name: 'Pekerjaan Anda' });
      const lock = Date.UTC(year, month, 0) + jeda * DAY;
      const realisasi = own.locator('.todo__item', {
        has: page.getByRole('link', { name: `Isi realisasi ${monthName('id-ID', month)}` }),
      });
      await realisasi.getByText('3 indikator belum diisi.').waitFor();
      await realisasi.getByText(`Dikunci setelah ${inWords('id-ID', lock)}`).waitFor();
      if (lastEval) {
        const window = own.locator('.todo__item', {
          hasText: `Hasil evaluasi ${monthName('id-ID', lastMonth)} sudah ditetapkan`,
        });
        const batas = Date.parse(`${lastEval.batas_keberatan}T00:00:00Z`);
        await window.getByText(`Keberatan paling lambat ${inWords('id-ID', batas)}`).waitFor();
      }
      // Nobody waits for Rina: she rates no one.
      assert.equal(await page.getByRole('region', { name: 'Menunggu tindakan Anda' }).count(), 0);

      // In English, the same items in English words.
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      const mine = page.getByRole('region', { name: 'Your work' });
      await mine.getByRole('link', { name: `Enter your results for ${monthName('en-GB', month)}` }).waitFor();
      await mine.getByText(`Locks after ${inWords('en-GB', lock)}`).waitFor();
      await mine.getByText('Indicators still empty: 3.').waitFor();
      await page.getByRole('button', { name: 'ID', exact: true }).click();

      // The link opens this month's sheet of her SKP in force.
      await page.getByRole('link', { name: `Isi realisasi ${monthName('id-ID', month)}` }).click();
      await page.waitForURL((u) => u.pathname === `/realisasi/${rinaSkp.id}` && u.search === `?periode_ke=${month}`);
      assert.equal(await page.getByLabel('Periode pengukuran').inputValue(), String(month));
      await page.getByRole('button', { name: 'Simpan realisasi' }).first().waitFor();
    }),
  );

  test(
    'Dewi, her PPKin, sees Rina’s evidence to check and her objection to explain',
    withPage(fixtures, async (page) => {
      // Rina records a value with a link as evidence, and objects to last month's result.
      const iki = rinaSkp.rhk[0].iki[0].id;
      await rina('PUT', `/skp/${rinaSkp.id}/realisasi/${iki}?periode_ke=${month}`, { nilai: 1 });
      await rina('POST', `/skp/${rinaSkp.id}/realisasi/${iki}/bukti-tautan?periode_ke=${month}`, {
        url: 'https://drive.serangkota.go.id/berkas/laporan-bulanan',
      });
      if (lastEval) {
        await rina('POST', `/evaluasi/${lastEval.id}/keberatan`, {
          alasan: 'Layanan surat keterangan hari Sabtu belum dihitung dalam realisasi.',
        });
      }

      await page.goto('/');
      await signIn(page, DEWI);
      const waiting = page.getByRole('region', { name: 'Menunggu tindakan Anda' });
      const evidence = waiting.locator('.todo__item', {
        has: page.getByRole('link', { name: 'Periksa bukti dukung Rina Marlina' }),
      });
      await evidence.getByText(`1 bukti dukung ${monthName('id-ID', month)} belum diperiksa.`).waitFor();
      if (lastEval) {
        await waiting.getByRole('link', { name: 'Jelaskan keberatan Rina Marlina' }).waitFor();
      }
      // Her own work is listed apart.
      await page
        .getByRole('region', { name: 'Pekerjaan Anda' })
        .getByRole('link', { name: `Isi realisasi ${monthName('id-ID', month)}` })
        .waitFor();

      await evidence.getByRole('link', { name: 'Periksa bukti dukung Rina Marlina' }).click();
      await page.waitForURL((u) => u.pathname === `/realisasi/${rinaSkp.id}` && u.search === `?periode_ke=${month}`);
      await page.getByRole('heading', { name: 'Realisasi SKP', level: 1 }).waitFor();
      await page.locator('.bukti-item', { hasText: 'drive.serangkota.go.id' }).getByRole('button', { name: 'Simpan pemeriksaan' }).waitFor();
    }),
  );

  test(
    'Ahmad, the Atasan PPKin, sees the explained objection to decide',
    withPage(fixtures, async (page) => {
      if (!lastEval) return; // January: no month has been rated yet.
      await dewi('POST', `/evaluasi/${lastEval.id}/keberatan/penjelasan`, {
        penjelasan: 'Register layanan hari Sabtu tidak dilampirkan ketika penilaian dibuat.',
      });
      await page.goto('/');
      await signIn(page, AHMAD);
      const waiting = page.getByRole('region', { name: 'Menunggu tindakan Anda' });
      const item = waiting.locator('.todo__item', {
        has: page.getByRole('link', { name: 'Putuskan keberatan Rina Marlina' }),
      });
      await item.getByText(`Evaluasi ${monthName('id-ID', lastMonth)}: pejabat penilai sudah menjelaskan; keputusan Anda final.`).waitFor();
      await item.getByRole('link', { name: 'Putuskan keberatan Rina Marlina' }).click();
      await page.waitForURL((u) => u.pathname === `/evaluasi/${rinaSkp.id}` && u.search === `?periode_ke=${lastMonth}`);
      await page.getByRole('heading', { name: 'Putuskan keberatan' }).waitFor();
    }),
  );

  test(
    'the camat sees the people he has not rated for last month',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, CAMAT);
      await page.getByRole('heading', { name: /^Selamat datang, Hendra Gunawan/ }).waitFor();
      // The home page itself lists work, not permissions or a dashboard (that has its menu entry).
      assert.equal(await page.locator('main').getByText(/dasbor/i).count(), 0);
      await page
        .getByRole('region', { name: 'Pekerjaan Anda' })
        .getByRole('link', { name: `Isi realisasi ${monthName('id-ID', month)}` })
        .waitFor();
      if (lastMonth < 1) return;
      const waiting = page.getByRole('region', { name: 'Menunggu tindakan Anda' });
      const rate = waiting.getByRole('link', { name: /^Nilai kinerja \d+ bawahan$/ });
      await rate.waitFor();
      await waiting.getByText(`Evaluasi ${monthName('id-ID', lastMonth)} belum ditetapkan.`).waitFor();
      await rate.click();
      await page.waitForURL((u) => u.pathname === '/evaluasi/bawahan' && u.search === `?periode_ke=${lastMonth}`);
      await page.getByRole('heading', { name: 'Penilaian Bawahan', level: 1 }).waitFor();
      assert.equal(await page.getByLabel('Periode pengukuran').inputValue(), String(lastMonth));
    }),
  );

  test(
    'the HR office, with no employee record and the period open, has nothing to do',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, ADMIN);
      await page.getByRole('heading', { name: /^Selamat datang/ }).waitFor();
      await page.getByRole('heading', { name: 'Tidak ada yang perlu dikerjakan' }).waitFor();
      await page.getByRole('main').getByText('Admin kepegawaian').waitFor();
      assert.equal(await page.locator('.todo__item').count(), 0);
    }),
  );
});
