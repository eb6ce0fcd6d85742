// API clients in the browser: the admin registers a puskesmas system, sees its secret once,
// the secret really obtains a token, the list never shows it again, and disabling the client
// stops new tokens. A pegawai has no access to the page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, launchBrowser, signIn, startBackend, withPage } from './helpers.mjs';

describe('Klien API', () => {
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

  /** The client-credentials grant (RFC 6749 4.4) with HTTP Basic. */
  const token = (id, secret) =>
    fetch(`${backend.url}/api/v1/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });

  test(
    'the admin registers a client, sees the secret once and disables the client',
    withPage(fixtures, async (page) => {
      await page.goto('/klien-api');
      await signIn(page, { username: DEMO.admin, password: DEMO.password });
      await page.getByRole('heading', { name: 'Klien API', level: 1 }).waitFor();

      // Nothing chosen: the messages under the fields, nothing registered.
      await page.getByLabel('Kirim realisasi (realisasi:write)').uncheck();
      await page.getByRole('button', { name: 'Daftarkan klien' }).click();
      await page.getByText('Nama klien 3–120 karakter.').waitFor();
      await page.getByText('Pilih unit pemilik.').waitFor();
      await page.getByText('Pilih setidaknya satu cakupan (scope).').waitFor();

      await page.getByLabel('Nama klien').fill('SIMPUS Puskesmas Uji');
      const unit = page.getByLabel('Unit pemilik');
      const option = unit.locator('option', { hasText: 'Puskesmas' }).first();
      await option.waitFor({ state: 'attached' });
      await unit.selectOption(await option.getAttribute('value'));
      await page.getByLabel('Kirim realisasi (realisasi:write)').check();
      await page.getByRole('button', { name: 'Daftarkan klien' }).click();
      await page.getByText('Simpan rahasia ini sekarang').waitFor();
      const id = (await page.locator('[data-field="client_id"]').textContent()).trim();
      const secret = (await page.locator('[data-field="client_secret"]').textContent()).trim();
      assert.ok(secret.length >= 32, 'a long secret');
      const row = page.locator(`tr[data-client="${id}"]`);
      await row.getByText('SIMPUS Puskesmas Uji').waitFor();
      await row.getByText('Aktif', { exact: true }).waitFor();

      // The secret works.
      const ok = await token(id, secret);
      assert.equal(ok.status, 200, await ok.text());

      // Once the page is left, the secret is gone for good.
      await page.reload();
      await row.waitFor();
      assert.equal(await page.locator('[data-field="client_secret"]').count(), 0);
      assert.equal(await page.getByText(secret).count(), 0);

      // Disabled: no new token.
      await row.getByRole('button', { name: 'Nonaktifkan' }).click();
      await row.getByText('Nonaktif', { exact: true }).waitFor();
      const refused = await token(id, secret);
      assert.equal(refused.status, 401);
      assert.equal((await refused.json()).error, 'invalid_client');
      await row.getByRole('button', { name: 'Aktifkan' }).click();
      await row.getByText('Aktif', { exact: true }).waitFor();
    }),
  );

  test(
    'a pegawai cannot open the page',
    withPage(fixtures, async (page) => {
      await page.goto('/klien-api');
      await signIn(page, { username: DEMO.pegawai, password: DEMO.password });
      await page.getByRole('heading', { name: 'Klien API', level: 1 }).waitFor();
      await page.getByRole('alert').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Daftarkan klien' }).count(), 0);
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      assert.equal(await nav.getByRole('link', { name: 'Klien API' }).count(), 0);
    }),
  );
});
