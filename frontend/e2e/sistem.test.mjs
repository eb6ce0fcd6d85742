// The system page (issue #20): an admin sees the warning when no backup succeeded for the
// configured hours, and, on a server whose schedule has made its backup, the last successful
// backup with its size and where it is, in both languages. A pegawai has no access.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

const NO_ACCESS = 'Anda tidak memiliki hak untuk membuka halaman ini.';

describe('Status Sistem', () => {
  let lapsed;
  let backedUp;
  let browser;

  before(async () => {
    [lapsed, backedUp, browser] = await Promise.all([
      // No schedule, and a warning threshold of 0 hours: overdue from the start.
      startBackend({ KINERJA_BACKUP_INTERVAL_HOURS: '0', KINERJA_BACKUP_WARN_HOURS: '0' }),
      // The schedule makes its first backup on the jobs' first tick.
      startBackend({ KINERJA_JOBS_INTERVAL_SECS: '1', KINERJA_BACKUP_INTERVAL_HOURS: '24' }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await lapsed?.stop();
    await backedUp?.stop();
  });

  test(
    'the page warns when no backup succeeded',
    withPage(
      () => ({ browser, url: lapsed.url }),
      async (page) => {
        await page.goto('/sistem');
        await signIn(page);
        await page.getByRole('heading', { name: 'Status Sistem', level: 1 }).waitFor();
        const warning = page.locator('#cadangan-peringatan [role="alert"]');
        await warning.getByText(/Belum pernah ada pencadangan yang berhasil/).waitFor();
        await page.getByText('Belum ada pencadangan yang berhasil.').waitFor();
        await page.getByText(/Pencadangan terjadwal dimatikan/).waitFor();
        await page.getByRole('button', { name: /Ganti ke Bahasa Inggris|EN/ }).first().click();
        await warning.getByText(/No backup has succeeded since Kinerja was installed/).waitFor();
        await page.getByRole('heading', { name: 'System status', level: 1 }).waitFor();
      },
    ),
  );

  test(
    'the page shows the last scheduled backup, its size and where it is',
    withPage(
      () => ({ browser, url: backedUp.url }),
      async (page) => {
        await page.goto('/sistem');
        await signIn(page);
        await page.getByRole('heading', { name: 'Status Sistem', level: 1 }).waitFor();
        // The first tick may still be copying: reload until the backup is recorded.
        const lokasi = page.locator('#cadangan-lokasi');
        for (let i = 0; i < 20 && !(await lokasi.count()); i++) {
          await page.waitForTimeout(500);
          await page.reload();
          await page.getByRole('heading', { name: 'Status Sistem', level: 1 }).waitFor();
        }
        const path = (await lokasi.textContent()).trim();
        assert.match(path, /\/backups\/kinerja-cadangan-\d{8}T\d{6}Z-[0-9a-f]{8}\.tar\.gz$/);
        assert.match(await page.locator('#cadangan-ukuran').textContent(), /\d.*(KB|MB|kB)/);
        assert.equal(await page.locator('#cadangan-peringatan').count(), 0, 'no warning');
        await page.getByText(/setiap 24 jam/).waitFor();
        const row = page.locator('tr[data-cadangan]').first();
        await row.getByText('Terjadwal').waitFor();
        await row.getByText('Berhasil').waitFor();
      },
    ),
  );

  test(
    'a pegawai has no access',
    withPage(
      () => ({ browser, url: lapsed.url }),
      async (page) => {
        const login = await fetch(`${lapsed.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin.uji', password: 'Rahasia-Sekali-1' }),
        });
        const { access_token: token } = await login.json();
        const made = await fetch(`${lapsed.url}/api/v1/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            username: 'pegawai.sistem',
            full_name: 'Pegawai Uji',
            password: 'Sandi-Pegawai-2026',
            roles: ['pegawai'],
          }),
        });
        assert.equal(made.status, 201, await made.text());
        await page.goto('/sistem');
        await signIn(page, { username: 'pegawai.sistem', password: 'Sandi-Pegawai-2026' });
        await page.getByText(NO_ACCESS).waitFor();
        assert.equal(await page.locator('#cadangan-lokasi, #cadangan-peringatan').count(), 0);
        assert.equal(await page.getByRole('link', { name: 'Status Sistem' }).count(), 0);
      },
    ),
  );
});

// The HR office silences the cycle's reminders for a kelurahan during a collective leave
// (issue #19, docs/pengingat.md), sees it listed as active, and lifts it.
describe('Jeda pengingat', () => {
  let demo;
  let browser;

  before(async () => {
    [demo, browser] = await Promise.all([startBackend({}, { demo: true }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  test(
    'the HR office silences a kelurahan, sees it active, and lifts it',
    withPage(
      () => ({ browser, url: demo.url }),
      async (page) => {
        await page.goto('/sistem');
        await signIn(page);
        await page.getByRole('heading', { name: 'Jeda pengingat' }).waitFor();
        await page.locator('#jeda-kosong').waitFor();
        const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
        // A reason left empty: the field says so, nothing is stored.
        const gelam = page.locator('#jeda-unit option', { hasText: 'Kelurahan Gelam' });
        await gelam.waitFor({ state: 'attached' });
        await page.locator('#jeda-unit').selectOption(await gelam.getAttribute('value'));
        await page.locator('#jeda-mulai').fill(today);
        await page.locator('#jeda-selesai').fill(today);
        await page.getByRole('button', { name: 'Tambah jeda' }).click();
        await page.locator('#jeda-alasan ~ .field__error').getByText(/3–500/).waitFor();
        await page.locator('#jeda-alasan').fill('Cuti bersama Idulfitri');
        await page.getByRole('button', { name: 'Tambah jeda' }).click();
        const item = page.locator('li[data-jeda]');
        await item.getByText('Kelurahan Gelam').waitFor();
        await item.getByText('berlaku').waitFor();
        await item.getByText('Cuti bersama Idulfitri').waitFor();
        await page.getByRole('button', { name: 'EN', exact: true }).click();
        await page.getByRole('heading', { name: 'Reminder silences' }).waitFor();
        await item.getByText('active').waitFor();
        await item.getByRole('button', { name: 'Remove' }).click();
        await page.locator('#jeda-kosong').getByText('No current or upcoming silences.').waitFor();
      },
    ),
  );
});
