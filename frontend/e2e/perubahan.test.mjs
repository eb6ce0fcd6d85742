// A perubahan SKP in the middle of the demo year: Rina has months of realisasi, last month's
// evaluation set and an objection open when her revised SKP is approved. Afterwards her past
// months still show what she entered (on version 1), the current month runs on version 2 with
// its own target, and Rina, Dewi (her PPKin) and Ahmad (her Atasan PPKin) find last month's
// evaluation and the open objection where they were — through a link to either version.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, SCREENSHOTS, apiAs, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const RINA = { username: DEMO.pegawai, password: DEMO.password };
const DEWI = { username: DEMO.kasubag, password: DEMO.password };
const AHMAD = { username: DEMO.sekcam, password: DEMO.password };
const INDICATOR = 'Jumlah laporan hasil kerja yang diselesaikan';
const month = new Date().getMonth() + 1;
const lastMonth = month - 1;

describe('Perubahan SKP: setahun tetap utuh', () => {
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

  test(
    'Rina finds her whole year after a perubahan SKP, and so do her raters',
    withPage(fixtures, async (page) => {
      assert.ok(lastMonth >= 1, 'the demo year has a past month (not January)');
      const rina = await apiAs(backend.url, RINA);
      const dewi = await apiAs(backend.url, DEWI);
      const periode = (await rina('GET', '/periods')).find((p) => p.status === 'dibuka');
      const v1 = await rina('GET', `/skp/mine?periode_id=${periode.id}`);
      // Last month was rated by Dewi (demo); Rina objects before the change.
      const rated = await rina('GET', `/skp/${v1.id}/evaluasi?periode_ke=${lastMonth}`);
      assert.ok(rated.evaluasi, 'the demo rated last month');
      await rina('POST', `/evaluasi/${rated.evaluasi.id}/keberatan`, {
        alasan: 'Laporan akhir bulan sudah diterima sebelum tenggat; mohon ditinjau kembali.',
      });
      // The perubahan: twice the reports from now on; Dewi approves it.
      let v2 = await rina('POST', `/skp/${v1.id}/revise`, {
        lock_version: v1.lock_version,
        alasan: 'Tambahan tugas pelaporan setelah penataan organisasi',
      });
      v2.rhk[0].iki[0].target_nilai = 24;
      v2 = await rina('PUT', `/skp/${v2.id}`, {
        lock_version: v2.lock_version,
        pendekatan: v2.pendekatan,
        rhk: v2.rhk,
        lampiran: v2.lampiran,
      });
      v2 = await rina('POST', `/skp/${v2.id}/submit`, { lock_version: v2.lock_version });
      v2 = await dewi('POST', `/skp/${v2.id}/approve`, { lock_version: v2.lock_version, ekspektasi_khusus: [] });
      assert.equal(v2.berlaku_dari_ke, month);

      // Rina's last month: still her values, measured on version 1 against a month's target.
      await page.goto(`/realisasi?periode_ke=${lastMonth}`);
      await signIn(page, RINA);
      await page.locator('.sheet-version', { hasText: 'SKP versi 1' }).waitFor();
      const card = page.locator('.iki-card', { hasText: INDICATOR });
      const value = await card.locator('.iki-card__realisasi').innerText();
      assert.match(value, /laporan/, `last month keeps its value, not "Belum diisi": ${value}`);
      await card.getByText('Dibandingkan dengan target periode ini: 1 laporan').waitFor();
      await card.locator('.iki-card__ytd', { hasText: 'Sampai periode ini' }).waitFor();
      await shot(page, 'perubahan-bulan-lalu.png');

      // This month runs on version 2 and its own target (24 a year: 2 a month).
      await page.getByLabel('Periode pengukuran').selectOption(String(month));
      await page
        .locator('.iki-card', { hasText: INDICATOR })
        .getByText('Dibandingkan dengan target periode ini: 2 laporan', { exact: false })
        .waitFor();
      assert.equal(await page.locator('.sheet-version').count(), 0, 'this month is on the version opened');
      // The open month's form: the unit beside the value, a decimal comma kept as typed.
      const now = page.locator('.iki-card', { hasText: INDICATOR });
      await now.locator('.field__suffix', { hasText: 'laporan' }).first().waitFor();
      await now.getByLabel('Nilai realisasi', { exact: true }).fill('2,5');
      await now.getByRole('button', { name: 'Simpan realisasi' }).click();
      await now.getByText('Realisasi disimpan.').waitFor();
      await page.reload();
      const again = page.locator('.iki-card', { hasText: INDICATOR });
      assert.equal(await again.getByLabel('Nilai realisasi', { exact: true }).inputValue(), '2,5');
      await again.locator('.capaian__value', { hasText: '125%' }).first().waitFor();

      // Her evaluation of last month, with the objection she filed.
      await page.goto(`/evaluasi?periode_ke=${lastMonth}`);
      await page.locator('.eval-summary .predikat').waitFor();
      await page.getByText('Menunggu penjelasan pejabat penilai').first().waitFor();
      await shot(page, 'perubahan-evaluasi-rina.png');

      // Dewi and Ahmad open last month through the new version's link and find it all.
      for (const [who, name] of [
        [DEWI, 'dewi'],
        [AHMAD, 'ahmad'],
      ]) {
        const context = await browser.newContext({ baseURL: backend.url });
        const other = await context.newPage();
        await other.goto(`/evaluasi/${v2.id}?periode_ke=${lastMonth}`);
        await signIn(other, who);
        await other.locator('.eval-summary .predikat').waitFor();
        await other.getByText('Menunggu penjelasan pejabat penilai').first().waitFor();
        await other.screenshot({ path: join(SCREENSHOTS, `perubahan-evaluasi-${name}.png`), fullPage: true });
        await context.close();
      }
    }),
  );
});
