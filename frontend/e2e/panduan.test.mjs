// Guides and glossary in the browser, on the demo (issue #19, docs/panduan.md): a pegawai opens
// the "?" next to the SKP page's title, lands on the guide and searches the guides; a term's
// tooltip is reached with the keyboard and leads to the glossary; the HR office edits a guide
// with a script and an onerror in it, and neither runs.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, launchBrowser, navLink, signIn, startBackend, withPage } from './helpers.mjs';

const RINA = { username: DEMO.pegawai, password: DEMO.password };
const HR = { username: DEMO.admin, password: DEMO.password };
const SHOTS = process.env.KINERJA_SHOTS_DIR ?? '/tmp';

describe('Panduan', () => {
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

  for (const viewport of [{ width: 1366, height: 900 }, { width: 360, height: 740 }]) {
    test(
      `a pegawai follows the "?" of the SKP page to its guide and searches the guides (${viewport.width} px)`,
      withPage(
        fixtures,
        async (page) => {
          await page.goto('/skp');
          await signIn(page, RINA);
          await page.getByRole('heading', { name: 'SKP Saya', level: 1 }).waitFor();
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px)`);
          const help = page.getByRole('link', { name: 'Panduan layar ini' });
          await help.click();
          await page.waitForURL('**/panduan/isi-skp');
          await page.getByRole('heading', { name: 'Menyusun SKP Anda', level: 1 }).waitFor();
          const isi = page.locator('article.panduan-isi');
          await isi.getByText('Tambah RHK.').waitFor();
          assert.equal(await isi.locator('ol > li').count(), 6);
          await page.screenshot({ path: `${SHOTS}/panduan-guide-${viewport.width}.png`, fullPage: true });

          await page.getByRole('link', { name: 'Semua panduan' }).click();
          await page.getByRole('heading', { name: 'Panduan', level: 1 }).waitFor();
          await page.locator('.panduan-list__item').first().waitFor();
          assert.equal(await page.locator('.panduan-list__item').count(), 9);
          await page.getByLabel('Cari panduan').fill('keberatan');
          await page.getByRole('button', { name: 'Cari', exact: true }).click();
          await page.waitForURL('**/panduan?q=keberatan');
          const hit = page.getByRole('link', { name: 'Mengajukan keberatan atas hasil evaluasi' });
          await hit.waitFor();
          // Only the PPKin's guides.
          await page.getByLabel('Cari panduan').fill('');
          await page.getByLabel('Peran').selectOption('ppkin');
          await page.getByRole('button', { name: 'Cari', exact: true }).click();
          await page.getByRole('link', { name: 'Menyetujui SKP bawahan' }).waitFor();
          await page.getByText('3 panduan').waitFor();
          await page.screenshot({ path: `${SHOTS}/panduan-list-${viewport.width}.png`, fullPage: true });
          await page.getByRole('link', { name: 'Menyetujui SKP bawahan' }).click();
          await page.getByRole('heading', { name: 'Menyetujui SKP bawahan', level: 1 }).waitFor();
          // A pegawai does not edit.
          assert.equal(await page.getByRole('link', { name: 'Ubah panduan' }).count(), 0);
        },
        { viewport },
      ),
    );
  }

  test(
    'a term on the SKP page is reached with the keyboard, explains itself and leads to the glossary',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, RINA);
      await (await navLink(page, 'SKP Saya')).click();
      const term = page.locator('.istilah__kata', { hasText: 'Rencana Hasil Kerja (RHK)' }).first();
      await term.waitFor();
      // Tab through the page until the term has the focus.
      let reached = false;
      for (let i = 0; i < 120 && !reached; i += 1) {
        await page.keyboard.press('Tab');
        reached = await term.evaluate((el) => el === document.activeElement);
      }
      assert.ok(reached, 'the term is reachable with Tab');
      const tipId = await term.getAttribute('aria-describedby');
      const tip = page.locator(`#${tipId}`);
      assert.equal(await tip.getAttribute('role'), 'tooltip');
      assert.ok(await tip.isVisible(), 'the definition shows on focus');
      assert.match(await tip.textContent(), /Rencana Hasil Kerja/);
      await page.screenshot({ path: `${SHOTS}/panduan-istilah-1366.png` });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/glosarium#rhk');
      await page.getByRole('heading', { name: 'Glosarium', level: 1 }).waitFor();
      await page.locator('#rhk').getByText('PermenPANRB 6/2022').waitFor();
      assert.ok(await page.locator('#berakhlak').isVisible());
      await page.screenshot({ path: `${SHOTS}/panduan-glosarium-1366.png`, fullPage: true });
    }),
  );

  for (const viewport of [{ width: 360, height: 740 }, { width: 1366, height: 900 }]) {
    test(
      `the HR office edits a guide; a script in it does not run (${viewport.width} px)`,
      withPage(
        fixtures,
        async (page) => {
          await page.goto('/');
          await signIn(page, HR);
          await page.goto('/panduan/isi-realisasi');
          await page.getByRole('heading', { name: 'Mengisi realisasi dan bukti dukung', level: 1 }).waitFor();
          await page.getByRole('link', { name: 'Ubah panduan' }).click();
          const isi = page.getByLabel('Isi (Bahasa Indonesia, Markdown)');
          await isi.waitFor();
          // The guide as stored is in the form before it is replaced.
          await page.waitForFunction(() => (document.querySelector('#g-isi-id')?.value ?? '').length > 0);
          const marker = `v${viewport.width}`;
          await isi.fill(
            [
              `## Langkah baru ${marker}`,
              '',
              "1. Buka *Realisasi Saya* <script>window.__xss = 'script'</script>",
              '2. Gambar <img src=x onerror="window.__xss = \'onerror\'">',
              '3. [Klik di sini](javascript:window.__xss=1) atau [SKP](/skp)',
            ].join('\n'),
          );
          await page.getByRole('button', { name: 'Simpan', exact: true }).click();
          await page.getByText('Panduan tersimpan.').waitFor();
          const preview = page.locator('#g-pratinjau');
          await preview.getByRole('heading', { name: `Langkah baru ${marker}` }).waitFor();
          // The markup shows as text; nothing of it became an element.
          await preview.getByText("<script>window.__xss = 'script'</script>", { exact: false }).waitFor();
          assert.equal(await preview.locator('script, img, [onerror]').count(), 0);
          assert.equal(await preview.locator('a[href^="javascript"]').count(), 0);
          assert.equal(await preview.getByRole('link', { name: 'SKP' }).getAttribute('href'), '/skp');
          await page.screenshot({ path: `${SHOTS}/panduan-editor-${viewport.width}.png`, fullPage: true });

          // As every reader gets it.
          await page.goto('/panduan/isi-realisasi');
          const article = page.locator('article.panduan-isi');
          await article.getByRole('heading', { name: `Langkah baru ${marker}` }).waitFor();
          assert.equal(await article.locator('script, img, [onerror]').count(), 0);
          assert.equal(await page.evaluate(() => window.__xss), undefined, 'nothing ran');
        },
        { viewport },
      ),
    );
  }
});
