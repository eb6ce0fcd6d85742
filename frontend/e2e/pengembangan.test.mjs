// Competency development in the browser, on the demo: Rina records a training with its
// certificate, the HR office verifies it from its queue and her 20 JP bar moves to "met";
// Dewi (her PPKin) agrees the need Rina proposed, and Rina reads the decision.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, launchBrowser, navLink, signIn, startBackend, withPage } from './helpers.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const RINA = { username: DEMO.pegawai, password: DEMO.password };
const DEWI = { username: DEMO.kasubag, password: DEMO.password };
const HR = { username: DEMO.admin, password: DEMO.password };

/** Yesterday by UTC: never after the instansi's (WIB) today. */
function yesterday() {
  const d = new Date(Date.now() - 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

describe('Pengembangan kompetensi', () => {
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
    'an employee records a training with its certificate, the HR office verifies it and the bar moves',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, RINA);
      await (await navLink(page, 'Pengembangan Saya')).click();
      await page.getByRole('heading', { name: 'Pengembangan Saya', level: 1 }).waitFor();
      // The demo: 12 JP verified this year, 6 waiting.
      await page.getByText('12 dari 20 JP terverifikasi').waitFor();
      await page.getByText('Menunggu verifikasi: 6 JP').waitFor();
      assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '12');

      await page.getByRole('button', { name: 'Catat kegiatan' }).click();
      // Both JP and hours: named on the field, nothing stored.
      await page.getByLabel('Nama kegiatan').fill('Bimtek Pelayanan Publik Berbasis Digital');
      await page.getByLabel('Penyelenggara').fill('BKPSDM Kota Serang');
      await page.getByLabel('Mulai').fill(yesterday());
      await page.getByLabel('Selesai', { exact: true }).fill(yesterday());
      await page.getByLabel('JP', { exact: true }).fill('8');
      await page.getByLabel('Jam', { exact: true }).fill('6');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.locator('#jp ~ .field__error', { hasText: 'Isi JP, atau jumlah jam' }).waitFor();
      await page.getByLabel('Jam', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Simpan' }).click();
      const record = page.locator('.record', { hasText: 'Bimtek Pelayanan Publik Berbasis Digital' });
      await record.getByText('Menunggu verifikasi').waitFor();
      await page.getByText('Menunggu verifikasi: 14 JP').waitFor();

      // The certificate, checked by content: a page named .pdf is refused, a PDF is kept.
      const picker = record.getByLabel('Sertifikat (PDF, JPG atau PNG)');
      await picker.setInputFiles({ name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>bukan pdf</html>') });
      const refused = page.waitForResponse((r) => r.url().endsWith('/sertifikat'));
      await record.getByRole('button', { name: 'Unggah sertifikat' }).click();
      assert.equal((await refused).status(), 415);
      await record.getByText('Sertifikat harus berkas PDF, JPEG atau PNG.').waitFor();
      await picker.setInputFiles({ name: 'sertifikat-bimtek.pdf', mimeType: 'application/pdf', buffer: PDF });
      await record.getByRole('button', { name: 'Unggah sertifikat' }).click();
      await page.locator('.record', { hasText: 'Bimtek Pelayanan Publik Berbasis Digital' })
        .getByText('sertifikat-bimtek.pdf').waitFor();

      // The HR office verifies it from its queue.
      const hr = await browser.newContext({ baseURL: backend.url });
      const p2 = await hr.newPage();
      await p2.goto('/pengembangan/kepegawaian');
      await signIn(p2, HR);
      await p2.getByRole('heading', { name: 'Pengembangan Kompetensi', level: 1 }).waitFor();
      const waiting = p2.locator('.record', { hasText: 'Bimtek Pelayanan Publik Berbasis Digital' });
      await waiting.getByText('Rina Marlina').waitFor();
      await waiting.getByRole('button', { name: 'Verifikasi' }).click();
      await waiting.waitFor({ state: 'detached' });
      await hr.close();

      // Rina's bar: 12 + 8 = 20, met.
      await page.reload();
      await page.getByText('20 dari 20 JP terverifikasi').waitFor();
      await page.getByText('Target 20 JP tahun ini terpenuhi.').waitFor();
      assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '20');
      await page.locator('.record', { hasText: 'Bimtek Pelayanan Publik Berbasis Digital' })
        .getByText('Diverifikasi').waitFor();
      // The notification reads in the reader's language.
      await page.goto('/notifikasi');
      await page.getByText('Pengelola kepegawaian memverifikasi catatan pengembangan Anda', { exact: false }).first().waitFor();
    }),
  );

  test(
    'a PPKin agrees the need her staff proposed, and the employee reads it agreed',
    withPage(fixtures, async (page) => {
      await page.goto('/pengembangan/tim');
      await signIn(page, DEWI);
      await page.getByRole('heading', { name: 'Pengembangan Tim', level: 1 }).waitFor();
      // Her team, with Rina's JP and her waiting proposal.
      await page.locator('tr', { hasText: 'Rina Marlina' }).waitFor();
      const need = page.locator('.record', { hasText: 'Rina Marlina' });
      await need.locator('.record__title', { hasText: 'Pengelolaan arsip dinamis' }).waitFor();
      // Rejecting needs a reason.
      await need.getByRole('button', { name: 'Tolak' }).click();
      await need.getByText('Tuliskan alasan penolakan', { exact: false }).waitFor();
      await need.getByRole('button', { name: 'Setujui' }).click();
      await page.getByText('Tidak ada usulan yang menunggu.').waitFor();

      const rina = await browser.newContext({ baseURL: backend.url });
      const p2 = await rina.newPage();
      await p2.goto('/pengembangan');
      await signIn(p2, RINA);
      await p2.locator('.record', { hasText: 'Pengelolaan arsip dinamis' }).getByText('Disetujui').waitFor();
      // In English, the same page speaks English, the server's words included.
      await p2.getByRole('button', { name: 'EN', exact: true }).click();
      await p2.getByRole('heading', { name: 'My development', level: 1 }).waitFor();
      const agreed = p2.locator('.record', { hasText: 'Pengelolaan arsip dinamis' });
      await agreed.getByText('Agreed').waitFor();
      await agreed.getByText("Employee's proposal").waitFor();
      await rina.close();
    }),
  );
});

describe('Karier dan manajemen talenta', () => {
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
    'the HR office opens a box of the talent grid and sees its people; an employee sees no grid',
    withPage(fixtures, async (page) => {
      await page.goto('/pengembangan/talenta');
      await signIn(page, HR);
      await page.getByRole('heading', { name: 'Manajemen Talenta', level: 1 }).waitFor();
      const boxes = page.locator('.talent-box');
      await boxes.first().waitFor();
      assert.equal(await boxes.count(), 9);
      // The demo places the sekretariat's staff and the lurah: some box holds people.
      const counts = await page.locator('.talent-box__jumlah').allTextContents();
      const i = counts.findIndex((c) => Number(c) > 0);
      assert.ok(i >= 0, `no box holds anyone: ${counts}`);
      await boxes.nth(i).click();
      assert.equal(await boxes.nth(i).getAttribute('aria-pressed'), 'true');
      const rows = page.locator('.card--flush table tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), Number(counts[i]));

      const rina = await browser.newContext({ baseURL: backend.url });
      const p2 = await rina.newPage();
      await p2.goto('/pengembangan/talenta');
      await signIn(p2, RINA);
      await p2.getByRole('alert').waitFor();
      assert.equal(await p2.locator('.talent-box').count(), 0);
      // Her own career page: her position and her development records.
      await p2.goto('/pengembangan/karier');
      await p2.getByText('Pengadministrasi Perkantoran').first().waitFor();
      await p2.getByText('Bimtek Tata Naskah Dinas Elektronik').first().waitFor();
      await rina.close();
    }),
  );
});
