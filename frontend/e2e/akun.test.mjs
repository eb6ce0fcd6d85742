// Menus that show only what the person can use, accounts made by the HR office with one-time
// passwords that must be changed at first sign-in, and the audit trail as sentences.
// Screenshots for review go to $AKUN_SHOTS (default /tmp/akun-shots), outside the repository.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { DEMO, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const SHOTS = process.env.AKUN_SHOTS || '/tmp/akun-shots';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
const BAWAHAN = ['SKP Bawahan', 'Realisasi Bawahan', 'Penilaian Bawahan'];

async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });
}

/** The sidebar's link texts (in closed groups too). */
async function menuLinks(page) {
  return page.locator('#sidebar a.nav__link').allInnerTexts().then((all) => all.map((t) => t.trim()));
}

async function signInAs(page, username, password = DEMO.password) {
  await page.goto('/');
  await signIn(page, { username, password });
}

describe('akun, menu dan audit', () => {
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
    "Rina's menu has no Bawahan items",
    withPage(
      fixtures,
      async (page) => {
        await signInAs(page, DEMO.pegawai);
        await page.locator('#sidebar').getByRole('link', { name: 'SKP Saya' }).waitFor();
        const links = await menuLinks(page);
        for (const item of BAWAHAN) assert.ok(!links.includes(item), `${item} in ${links}`);
        assert.ok(links.includes('Realisasi Saya') && links.includes('Evaluasi Saya'), String(links));
        assert.equal(await page.locator('#sidebar details').count(), 0, 'a short flat list');
        await shot(page, 'menu-rina-1366');
      },
      { viewport: DESKTOP },
    ),
  );

  test(
    "Dewi's menu has the Bawahan items",
    withPage(
      fixtures,
      async (page) => {
        await signInAs(page, DEMO.kasubag);
        await page.locator('#sidebar').getByRole('link', { name: 'Penilaian Bawahan' }).waitFor();
        const links = await menuLinks(page);
        for (const item of BAWAHAN) assert.ok(links.includes(item), `${item} missing from ${links}`);
        // Every link fits above the fold at 768 px.
        const last = page.locator('#sidebar a.nav__link').last();
        const box = await last.boundingBox();
        assert.ok(box && box.y + box.height <= DESKTOP.height, `last link at ${JSON.stringify(box)}`);
        await shot(page, 'menu-dewi-1366');
      },
      { viewport: DESKTOP },
    ),
  );

  test(
    'on a phone the menu opens as a drawer for Rina and Dewi',
    withPage(
      fixtures,
      async (page) => {
        await signInAs(page, DEMO.pegawai);
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.locator('#sidebar').getByRole('link', { name: 'SKP Saya' }).waitFor();
        await shot(page, 'menu-rina-360');
        await page.getByRole('button', { name: 'Keluar' }).first().click();
        await page.getByRole('button', { name: 'Masuk', exact: true }).waitFor();
        await signIn(page, { username: DEMO.kasubag, password: DEMO.password });
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.locator('#sidebar').getByRole('link', { name: 'Penilaian Bawahan' }).waitFor();
        await shot(page, 'menu-dewi-360');
      },
      { viewport: PHONE },
    ),
  );

  test(
    "the HR office's grouped menu fits at 1366x768 and opens by keyboard",
    withPage(
      fixtures,
      async (page) => {
        await page.goto('/audit');
        await signIn(page, { username: DEMO.admin, password: DEMO.password });
        await page.waitForURL('**/audit');
        const groups = page.locator('#sidebar details');
        assert.deepEqual(
          (await page.locator('#sidebar summary').allInnerTexts()).map((t) => t.trim()),
          ['Organisasi', 'Pegawai', 'Penilaian', 'Pengembangan', 'Sistem'].map((t) => t.toUpperCase()),
        );
        // The current page's group is open, the others closed.
        assert.equal(await page.locator('#nav-sistem').getAttribute('open'), '');
        assert.equal(await page.locator('#nav-pegawai').getAttribute('open'), null);
        // No Bawahan items for an HR account without subordinates.
        const links = await menuLinks(page);
        for (const item of BAWAHAN) assert.ok(!links.includes(item), String(links));
        // Opened by keyboard, the largest group still fits above the fold.
        await page.locator('#nav-pegawai summary').focus();
        await page.keyboard.press('Enter');
        await page.locator('#sidebar').getByRole('link', { name: 'Pengguna' }).waitFor();
        // Folded again by keyboard before the next one opens: each group fits on its own.
        await page.keyboard.press('Enter');
        await page.locator('#sidebar').getByRole('link', { name: 'Pengguna' }).waitFor({ state: 'hidden' });
        await page.locator('#nav-penilaian summary').focus();
        await page.keyboard.press('Enter');
        await page.locator('#sidebar').getByRole('link', { name: 'Referensi Penilaian' }).waitFor();
        for (const link of await page.locator('#sidebar a.nav__link:visible').all()) {
          const box = await link.boundingBox();
          assert.ok(box && box.y + box.height <= DESKTOP.height, `${await link.innerText()} below the fold`);
        }
        assert.equal(await groups.count(), 5);
        await shot(page, 'menu-admin-1366');
      },
      { viewport: DESKTOP },
    ),
  );

  let handedOut;

  test(
    'the HR office makes accounts for a unit and hands out the one-time passwords',
    withPage(
      fixtures,
      async (page) => {
        await page.goto('/pengguna');
        await signIn(page, { username: DEMO.admin, password: DEMO.password });
        await page.getByRole('heading', { name: 'Buat akun untuk satu unit' }).waitFor();
        await page.waitForFunction(() => document.querySelectorAll('#unit_id option').length > 5);
        const value = await page.locator('#unit_id option').evaluateAll((options) =>
          options.find((o) => o.textContent.trim() === 'Subbagian Program dan Keuangan')?.value,
        );
        assert.ok(value, 'the unit is offered');
        await page.locator('#unit_id').selectOption(value);
        await page.getByRole('button', { name: 'Buat akun', exact: true }).click();
        await page.getByText(/akun dibuat, \d+ pegawai dilewati/).waitFor();
        const rows = page.locator('.one-time tbody tr');
        assert.ok((await rows.count()) >= 1);
        const username = (await rows.first().locator('td').nth(1).innerText()).trim();
        const password = (await rows.first().locator('td').nth(2).innerText()).trim();
        assert.match(username, /^\d{18}$/);
        assert.match(password, /^\w{4}-\w{4}-\w{4}$/);
        handedOut = { username, password };
        // The list downloads as CSV with the password in it.
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Unduh CSV' }).click();
        const file = await (await download).path();
        const csv = await readFile(file, 'utf8');
        assert.ok(csv.includes(password) && csv.includes(username), csv);
        await shot(page, 'akun-unit-1366');
        await page.setViewportSize(PHONE);
        await shot(page, 'akun-unit-360');
        // Again: nothing new, everyone skipped.
        await page.setViewportSize(DESKTOP);
        await page.getByRole('button', { name: 'Buat akun', exact: true }).click();
        await page.getByText(/^0 akun dibuat/).waitFor();
      },
      { viewport: DESKTOP },
    ),
  );

  test(
    'a one-time password signs in only to the password change',
    withPage(
      fixtures,
      async (page) => {
        assert.ok(handedOut, 'the previous test made an account');
        await page.goto('/skp');
        await page.getByLabel('NIP / Nama pengguna').fill(handedOut.username);
        await page.getByLabel('Kata sandi', { exact: true }).fill(handedOut.password);
        await page.getByRole('button', { name: 'Masuk', exact: true }).click();
        await page.getByRole('heading', { name: 'Buat kata sandi Anda sendiri' }).waitFor();
        assert.equal(await page.locator('#sidebar').count(), 0, 'no menu before the change');
        await shot(page, 'ganti-paksa-360');
        await page.getByLabel('Kata sandi saat ini').fill(handedOut.password);
        await page.getByLabel('Kata sandi baru', { exact: true }).fill('Sandi-Pilihan-Sendiri-1');
        await page.getByLabel('Ulangi kata sandi baru').fill('Sandi-Pilihan-Sendiri-1');
        await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
        await page.getByRole('banner').waitFor();
        // The app opens where the sign-in was headed (the drawer is closed on a phone).
        await page.waitForURL('**/skp');
        await page.locator('#sidebar a[href="/skp"]').waitFor({ state: 'attached' });
      },
      { viewport: PHONE },
    ),
  );

  test(
    "the employee page makes one account and resets another's password",
    withPage(
      fixtures,
      async (page) => {
        await page.goto(`/pegawai?q=${DEMO.sekcam}`);
        await signIn(page, { username: DEMO.admin, password: DEMO.password });
        await page.getByRole('link', { name: /Ahmad Fauzi/ }).first().click();
        await page.getByRole('heading', { name: 'Akun pengguna' }).waitFor();
        await page.getByText('sudah memiliki akun').waitFor();
        await page.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
        await page.getByRole('button', { name: 'Ya, atur ulang' }).click();
        await page.locator('.one-time__password').waitFor();
        await shot(page, 'akun-reset-1366');
      },
      { viewport: DESKTOP },
    ),
  );

  test(
    'the audit page reads as sentences and filters by person',
    withPage(
      fixtures,
      async (page) => {
        await page.goto('/audit');
        await signIn(page, { username: DEMO.auditor, password: DEMO.password });
        await page.locator('.audit-item').first().waitFor();
        // The HR office's accounts and reset, as sentences naming the people.
        await page.getByText(/membuat akun untuk .+/).first().waitFor();
        await page.getByText(/mengatur ulang kata sandi Ahmad Fauzi/).first().waitFor();
        await page.getByLabel('Pelaku').fill('Rina');
        await page.getByRole('button', { name: 'Terapkan' }).click();
        await page.waitForURL('**/audit?aktor=Rina');
        await page.getByText('Rina Marlina masuk ke aplikasi').first().waitFor();
        const sentences = await page.locator('.audit-item__sentence').allInnerTexts();
        assert.ok(sentences.length > 0);
        for (const s of sentences) assert.ok(s.startsWith('Rina Marlina'), s);
        await shot(page, 'audit-auditor-1366');
        // A range that ends before it starts is refused before asking the server.
        await page.getByLabel('Dari tanggal').fill('2026-12-05');
        await page.getByLabel('Sampai tanggal').fill('2026-12-01');
        await page.getByRole('button', { name: 'Terapkan' }).click();
        await page.locator('#sampai-error').getByText('Tanggal akhir tidak boleh sebelum').waitFor();
        await page.getByRole('button', { name: 'Hapus saringan' }).click();
        await page.waitForURL((u) => u.pathname === '/audit' && u.search === '');
        await page.setViewportSize(PHONE);
        await shot(page, 'audit-auditor-360');
      },
      { viewport: DESKTOP },
    ),
  );

  test(
    'the HR office reads the audit trail in English too',
    withPage(
      fixtures,
      async (page) => {
        await page.goto('/audit?aksi=user.created_for_employee');
        await signIn(page, { username: DEMO.admin, password: DEMO.password });
        await page.getByText(/membuat akun untuk/).first().waitFor();
        await shot(page, 'audit-admin-1366');
        await page.getByRole('button', { name: /Ganti ke Bahasa Inggris|EN/ }).first().click();
        await page.getByText(/created an account for/).first().waitFor();
      },
      { viewport: DESKTOP },
    ),
  );
});
