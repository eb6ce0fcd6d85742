// The SKP cycle in the browser: Rina drafts (after the admin reopens her approved SKP), edits a
// target and submits; her PPKin (the Kepala Subbagian Umum dan Kepegawaian, a demo account)
// returns it with a note; Rina sees the note and the notification, fixes and resubmits;
// the PPKin approves with an ekspektasi khusus; Rina sees `Disetujui` and downloads the PDF.
// Then the submit is blocked while the superior's SKP is reopened.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, SCREENSHOTS, apiAs, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const NOTE = 'Target dokumen terlalu rendah; naikkan menjadi 20 dokumen.';
const EXPECTATION = 'Menjadi teladan pelayanan yang ramah di kantor kecamatan.';

const digits = (nip) => nip.replace(/\D/g, '');

describe('SKP: menyusun, mengajukan, mengembalikan, menyetujui', () => {
  let backend;
  let browser;
  /** JSON calls as the HR admin. */
  let api;
  let kasubag;
  let kasubagSkp;

  /** Reopens an approved SKP as the admin (back to draft). */
  async function reopen(id) {
    const skp = await api('GET', `/skp/${id}`);
    await api('POST', `/skp/${id}/reopen`, { lock_version: skp.lock_version, alasan: 'Uji coba e2e' });
  }

  before(async () => {
    [backend, browser] = await Promise.all([startBackend({}, { demo: true }), launchBrowser()]);
    api = await apiAs(backend.url, { username: DEMO.admin, password: DEMO.password });

    // This year's SKPs (the demo also holds past years' for the talent box).
    const open = (await api('GET', '/periods')).find((p) => p.status === 'dibuka');
    const list = await api('GET', `/skp?status=disetujui&per_page=100&periode_id=${open.id}`);
    const rina = list.items.find((s) => digits(s.pegawai.nip) === DEMO.pegawai);
    assert.ok(rina, 'Rina has an approved SKP');
    const rinaSkp = await api('GET', `/skp/${rina.id}`);
    assert.ok(rinaSkp.pejabat_penilai, 'Rina has a PPKin');
    kasubag = {
      username: digits(rinaSkp.pejabat_penilai.nip),
      name: rinaSkp.pejabat_penilai.nama_lengkap,
    };
    kasubagSkp = list.items.find((s) => digits(s.pegawai.nip) === kasubag.username);
    assert.ok(kasubagSkp, 'the PPKin has an approved SKP');

    // The PPKin is a demo account (the kasubag umum), linked to her record by `seed-demo`.
    assert.equal(kasubag.username, DEMO.kasubag);
    // Rina drafts again.
    await reopen(rina.id);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });
  const rina = { username: DEMO.pegawai, password: DEMO.password };
  // `seed-demo` gives the PPKin an account linked to the employee record.
  const ppkin = () => ({ username: kasubag.username, password: DEMO.password });
  const shot = (page, name) =>
    page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true, animations: 'disabled' });

  test(
    'Rina edits an IKI target of her draft and submits it',
    withPage(fixtures, async (page) => {
      await page.goto('/skp');
      await signIn(page, rina);
      await page.getByRole('heading', { name: 'SKP Saya', level: 1 }).waitFor();
      await page.locator('.skp-status--draft').first().waitFor();
      // Snapshots of the employee and the assessor.
      await page.getByText('Rina Marlina').first().waitFor();
      await page.getByText(kasubag.name).first().waitFor();
      const target = page.getByLabel('Target', { exact: true }).first();
      await target.fill('abc');
      await page.getByRole('button', { name: 'Simpan draf' }).click();
      await page.getByText('Target harus bilangan tidak negatif.').waitFor();
      await target.fill('15');
      await page.getByRole('button', { name: 'Simpan draf' }).click();
      await page.getByText('SKP disimpan.').waitFor();
      await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
      await page.getByText('SKP diajukan ke pejabat penilai.').waitFor();
      await page.locator('.skp-status--diajukan').first().waitFor();
      await page.getByText(/15 /).first().waitFor();
    }),
  );

  test(
    'the PPKin finds it in the inbox and returns it with a required note',
    withPage(fixtures, async (page) => {
      await page.goto('/skp/bawahan');
      await signIn(page, ppkin());
      await page.getByRole('heading', { name: 'SKP Bawahan', level: 1 }).waitFor();
      await page.getByText('Rina Marlina').waitFor();
      await page.getByRole('link', { name: 'Periksa' }).click();
      await page.getByRole('heading', { name: 'Detail SKP', level: 1 }).waitFor();
      // The note is required (checked before sending).
      await page.getByRole('button', { name: 'Kembalikan', exact: true }).click();
      await page.getByText('Catatan pengembalian wajib diisi (maksimal 2000 karakter).').waitFor();
      await page.getByLabel(/Catatan pengembalian/).fill(NOTE);
      await page.getByRole('button', { name: 'Kembalikan', exact: true }).click();
      await page.getByText('SKP dikembalikan kepada pegawai.').waitFor();
      await page.locator('.skp-status--dikembalikan').first().waitFor();
    }),
  );

  test(
    'Rina sees the notification and the note, fixes the target and submits again',
    withPage(fixtures, async (page) => {
      await page.goto('/');
      await signIn(page, rina);
      // The bell counts the unread notification.
      await page.locator('.bell__count').waitFor();
      await page.locator('.bell').click();
      await page.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
      const item = page.locator('.notification', { hasText: 'SKP Anda dikembalikan' }).first();
      await item.getByText(NOTE).waitFor();
      await item.getByRole('link', { name: 'Buka' }).click();
      await page.waitForURL(/\/skp\/[0-9a-f-]{36}$/);
      await page.locator('.return-note').getByText(NOTE).waitFor();
      await page.getByRole('link', { name: 'Ubah di SKP Saya' }).click();
      await page.getByRole('heading', { name: 'SKP Saya', level: 1 }).waitFor();
      await page.locator('.return-note').getByText(NOTE).waitFor();
      await shot(page, 'skp-returned-note.png');
      await page.getByLabel('Target', { exact: true }).first().fill('20');
      await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
      await page.getByText('SKP diajukan ke pejabat penilai.').waitFor();
      await page.locator('.skp-status--diajukan').first().waitFor();
    }),
  );

  test(
    'the PPKin approves it with an ekspektasi khusus',
    withPage(fixtures, async (page) => {
      await page.goto('/skp/bawahan');
      await signIn(page, ppkin());
      await page.getByRole('link', { name: 'Periksa' }).click();
      await page.getByRole('heading', { name: 'Detail SKP', level: 1 }).waitFor();
      await page.locator('textarea[id^="ekspektasi-"]').first().fill(EXPECTATION);
      await page.getByRole('button', { name: 'Setujui', exact: true }).click();
      await page.getByText('SKP disetujui.').waitFor();
      await page.locator('.skp-status--disetujui').first().waitFor();
      await page.getByText(EXPECTATION).waitFor();
    }),
  );

  test(
    'Rina sees her approved SKP and downloads the PDF',
    withPage(fixtures, async (page) => {
      await page.goto('/skp');
      await signIn(page, rina);
      await page.locator('.skp-status--disetujui').first().waitFor();
      await page.getByText(EXPECTATION).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Unduh PDF' }).click(),
      ]);
      const chunks = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk);
      const pdf = Buffer.concat(chunks);
      assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
      // English works too.
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await page.getByRole('heading', { name: 'My SKP', level: 1 }).waitFor();
      await page.locator('.skp-status--disetujui', { hasText: 'Approved' }).first().waitFor();
      await page.getByRole('button', { name: 'ID', exact: true }).click();
    }),
  );

  test(
    'a change cannot be submitted while the superior’s SKP is not approved',
    withPage(fixtures, async (page) => {
      await reopen(kasubagSkp.id);
      await page.goto('/skp');
      await signIn(page, rina);
      await page.locator('.skp-status--disetujui').first().waitFor();
      await page.getByLabel('Alasan perubahan').fill('Perubahan target setelah mutasi.');
      await page.getByRole('button', { name: 'Ajukan perubahan' }).click();
      await page.getByText('Versi baru dibuat sebagai draf.').waitFor();
      await page.locator('.skp-status--draft').first().waitFor();
      // The versions list compares the new version with the approved one.
      await page.getByRole('button', { name: 'Bandingkan dengan versi 1' }).click();
      await page.getByText('Perubahan dari versi 1 ke versi 2').waitFor();
      await page.locator('.diff table, .diff p.muted').first().waitFor();
      await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
      await page.locator('.skp-blocked').getByText(/SKP atasan belum ditetapkan/).waitFor();
    }),
  );

  test(
    'SKP Saya is usable at 360 px',
    withPage(
      fixtures,
      async (page) => {
        await page.goto('/skp');
        await signIn(page, rina);
        await page.locator('.skp-status--draft').first().waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px)`);
      },
      { viewport: { width: 360, height: 740 } },
    ),
  );
});
