// Recaps in the browser, on the demo: the HR office goes from the dashboard down to the
// kecamatan, opens "Rekap & ekspor", downloads the rekap SKP as XLSX, and the workbook's rows
// (read here by unzipping the sheet's XML with Node's zlib) are the rows of the screen's table;
// the export's validation list shows; a pegawai has no recap.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { DEMO, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const ADMIN = { username: DEMO.admin, password: DEMO.password };
const RINA = { username: DEMO.pegawai, password: DEMO.password };

/** The files of a ZIP archive by name, read through its central directory. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  assert.ok(eocd >= 0, 'a ZIP archive');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i += 1) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescape = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The first sheet's rows (1-based row number → column letters → text). */
function firstSheet(bytes) {
  const files = unzip(bytes);
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const xml = files.get('xl/worksheets/sheet1.xml').toString('utf8');
  const rows = new Map();
  for (const row of xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = {};
    for (const c of row[2].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
      if (v === undefined) continue;
      cells[c[1]] = /t="s"/.test(c[2]) ? shared[Number(v)] : unescape(v);
    }
    rows.set(Number(row[1]), cells);
  }
  return rows;
}

describe('Rekap & ekspor', () => {
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
    'the HR office downloads the kecamatan rekap SKP and its rows are the screen',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, ADMIN);
      await page.goto('/dasbor');
      await page.getByRole('heading', { name: 'Dasbor Kinerja', level: 1 }).waitFor();
      await page.locator('table.dasbor-tabel').getByRole('link', { name: 'Rincian Kecamatan Cipocok Jaya' }).click();
      await page.getByRole('navigation', { name: 'Jalur unit' }).getByText('Kecamatan Cipocok Jaya').waitFor();
      await page.getByRole('link', { name: 'Rekap & ekspor' }).click();
      await page.getByRole('heading', { name: 'Rekap & ekspor', level: 1 }).waitFor();
      await page.waitForURL(/\/dasbor\/rekap\?unit_id=[0-9a-f-]{36}$/);

      const table = page.locator('table[data-rekap="skp"]');
      await table.waitFor();
      await page.getByText(/Kecamatan Cipocok Jaya · tahun \d{4} · dicetak/).first().waitFor();
      const total = Number((await page.locator('.rekap-jumlah').textContent()).match(/^(\d+) baris$/)[1]);
      const nips = (await table.locator('tbody td.rekap-nip').allTextContents()).map((s) => s.trim());
      const names = (await table.locator('tbody th[scope="row"]').allTextContents()).map((s) => s.trim());
      assert.ok(nips.length > 0 && nips.length <= total, `${nips.length} of ${total}`);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Unduh XLSX' }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^rekap-skp-kecamatan-cipocok-jaya-\d{4}\.xlsx$/);
      await page.getByText(/^Selesai: /).first().waitFor();
      const bytes = await readFile(await file.path());
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'an XLSX (zip) file');

      const rows = firstSheet(bytes);
      assert.match(rows.get(1).A, /^REKAPITULASI/);
      assert.equal(rows.get(3).B, 'Kecamatan Cipocok Jaya');
      assert.equal(rows.get(7).B, 'NIP');
      const data = [...rows.entries()].filter(([r]) => r >= 8).map(([, c]) => c);
      assert.equal(data.length, total, 'every row of the recap, beyond the first page too');
      assert.ok(data.some((c) => c.B === DEMO.pegawai), 'Rina is in the kecamatan');
      data.slice(0, nips.length).forEach((c, i) => {
        assert.equal(c.B, nips[i], `row ${i + 1}: NIP`);
        assert.equal(c.C, names[i], `row ${i + 1}: name`);
      });
      await page.screenshot({ path: '/tmp/rekap-1366.png', fullPage: false });
    }, { viewport: { width: 1366, height: 900 } }),
  );

  test(
    'the export shows who cannot be sent yet, readable on a phone',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, ADMIN);
      await page.goto('/dasbor/rekap?jenis=siasn');
      await page.getByRole('heading', { name: 'Rekap & ekspor', level: 1 }).waitFor();
      await page.getByText(/\d+ dari \d+ pegawai siap diekspor\./).first().waitFor();
      await page.getByText('Tata letak kinerja-siasn-1').first().waitFor();
      const list = page.locator('table[data-rekap="validasi"]');
      await list.waitFor();
      await list.getByText('Evaluasi tahunan belum ditetapkan').first().waitFor();
      await page.getByRole('button', { name: 'Unduh CSV' }).waitFor();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 360, `page width ${wide}`);
      await page.screenshot({ path: '/tmp/rekap-360.png' });
    }, { viewport: { width: 360, height: 740 } }),
  );

  test(
    'in English the recaps and the reasons are translated',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, ADMIN);
      await page.goto('/dasbor/rekap?jenis=siasn');
      await page.getByRole('heading', { name: 'Rekap & ekspor', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await page.getByRole('heading', { name: 'Recaps & exports', level: 1 }).waitFor();
      await page.getByText(/\d+ of \d+ employees are ready for export\./).first().waitFor();
      await page.locator('table[data-rekap="validasi"]').getByText('Annual evaluation not set').first().waitFor();
      assert.equal(await page.getByText('Evaluasi tahunan belum ditetapkan').count(), 0);
      await page.getByRole('link', { name: 'SKP recap' }).click();
      await page.locator('table[data-rekap="skp"]').getByRole('columnheader', { name: 'SKP status' }).waitFor();
      await page.getByRole('button', { name: 'Download XLSX' }).waitFor();
    }),
  );

  test(
    'a pegawai has no recap',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, RINA);
      const refused = page.waitForResponse((r) => r.url().includes('/api/v1/rekap/skp'));
      await page.goto('/dasbor/rekap');
      assert.equal((await refused).status(), 403);
      await page.getByRole('alert').first().waitFor();
      assert.equal(await page.locator('table[data-rekap]').count(), 0);
    }),
  );
});
