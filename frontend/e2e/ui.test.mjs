// Language switch, the 404 page, and the phone layout.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { SCREENSHOTS, launchBrowser, signIn, startBackend, withPage, navLink } from './helpers.mjs';

describe('tampilan', () => {
  let backend;
  let browser;
  before(async () => {
    [backend, browser] = await Promise.all([startBackend(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });
  const fixtures = () => ({ browser, url: backend.url });

  test(
    'the language switches to English, is remembered across reloads, and switches back',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await page.getByRole('heading', { name: 'Masuk', level: 1 }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');

      await page.getByRole('button', { name: 'EN' }).click();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
      await page.getByLabel('NIP / Username').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.title(), 'Sign in · Kinerja');
      assert.equal(await page.getByRole('button', { name: 'EN' }).getAttribute('aria-pressed'), 'true');

      await page.reload();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');

      // Validation messages from the contract crate are translated too.
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('#username-error').getByText('Username is required').waitFor();

      // Signed in, the frame is English as well.
      await page.getByLabel('NIP / Username').fill('admin.uji');
      await page.getByLabel('Password', { exact: true }).fill('Rahasia-Sekali-1');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await (await navLink(page, 'Home')).waitFor();
      await page.getByRole('heading', { name: 'Welcome, Administrator Uji Coba' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();

      await page.getByRole('button', { name: 'ID' }).click();
      await page
        .getByRole('navigation', { name: 'Navigasi utama' })
        .getByRole('link', { name: 'Beranda' })
        .waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
    }),
  );

  test(
    'unknown addresses show the 404 page',
    withPage(fixtures, async (page) => {
      const response = await page.goto('/tidak/ada/halaman-ini');
      assert.equal(response.status(), 200, 'the server falls back to index.html');
      await page.getByRole('heading', { name: 'Halaman tidak ditemukan', level: 1 }).waitFor();
      assert.equal(await page.title(), 'Halaman tidak ditemukan · Kinerja');
      await page.screenshot({ path: join(SCREENSHOTS, 'not-found-page.png'), animations: 'disabled' });
      await page.getByRole('link', { name: 'Kembali ke beranda' }).click();
      // Anonymous: the beranda's guard sends the visitor to the login page.
      await page.waitForURL((u) => u.pathname === '/masuk');
    }),
  );

  test(
    'admins reach the user list and the audit trail from the sidebar',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await signIn(page);
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });

      await (await navLink(page, 'Pengguna')).click();
      await page.getByRole('heading', { name: 'Pengguna', level: 1 }).waitFor();
      const users = page.getByRole('table');
      await users.getByRole('cell', { name: /Administrator Uji Coba/ }).waitFor();
      await page.getByRole('navigation', { name: 'Navigasi halaman' }).getByText('Halaman 1 dari 1').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'users-page.png'), fullPage: true, animations: 'disabled' });

      await (await navLink(page, 'Audit')).click();
      await page.getByRole('heading', { name: 'Jejak audit', level: 1 }).waitFor();
      // Each event reads as a sentence (who, what).
      await page.getByRole('main').getByText('Administrator Uji Coba masuk ke aplikasi').first().waitFor();
    }),
  );

  test(
    'a failed load shows the error with a retry that recovers',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await signIn(page);
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
      const problem = {
        type: 'urn:kinerja:problem:service_unavailable',
        title: 'Layanan tidak tersedia',
        status: 503,
        detail: 'Layanan sedang tidak tersedia. Silakan coba lagi nanti.',
        code: 'service_unavailable',
      };
      await page.route('**/api/v1/auth/me', (route) =>
        route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify(problem) }),
      );
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      await (await navLink(page, 'Profil')).click();
      await (await navLink(page, 'Beranda')).click();
      const alert = page.getByRole('alert');
      await alert.getByText('Terjadi kesalahan').waitFor();
      await alert.getByText(problem.detail).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'error-panel.png'), animations: 'disabled' });

      await page.unroute('**/api/v1/auth/me');
      await alert.getByRole('button', { name: 'Coba lagi' }).click();
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
      assert.equal(await page.getByRole('alert').count(), 0);
    }),
  );

  test(
    'leaving a page aborts its request in flight',
    withPage(fixtures, async (page) => {
      await page.goto('/masuk');
      await signIn(page);
      // Hold the user list back so that it is still loading when the user moves on.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route('**/api/v1/users?*', async (route) => {
        await held;
        await route.continue().catch(() => {});
      });
      const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/api/v1/users?'));
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      await (await navLink(page, 'Pengguna')).click();
      await page.getByRole('status').getByText('Memuat…').waitFor();
      await (await navLink(page, 'Profil')).click();
      const request = await failed;
      assert.match(request.failure()?.errorText ?? '', /ABORTED|cancel/i);
      release();
      await page.getByRole('heading', { name: 'Profil', level: 1 }).waitFor();
    }),
  );

  test(
    'on a 360 px phone the menu opens, navigates and closes again',
    withPage(
      fixtures,
      async (page) => {
        await page.goto('/masuk');
        await signIn(page);
        await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();

        // Nothing is wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(overflow <= 360, `page is ${overflow}px wide`);

        const menu = page.getByRole('button', { name: 'Menu' });
        const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
        const profile = nav.getByRole('link', { name: 'Profil' });
        assert.equal(await menu.getAttribute('aria-expanded'), 'false');
        assert.equal(await profile.isVisible(), false, 'the drawer starts closed');

        await menu.click();
        assert.equal(await menu.getAttribute('aria-expanded'), 'true');
        await profile.waitFor({ state: 'visible' });
        await page.screenshot({ path: join(SCREENSHOTS, 'phone-menu-open.png'), animations: 'disabled' });
        await profile.click();
        await page.waitForURL('**/profil');
        await page.getByRole('heading', { name: 'Profil', level: 1 }).waitFor();
        await profile.waitFor({ state: 'hidden' });
        assert.equal(await menu.getAttribute('aria-expanded'), 'false');

        // Keyboard: open with Enter, close with Escape (focus returns to the button).
        await menu.focus();
        await page.keyboard.press('Enter');
        await profile.waitFor({ state: 'visible' });
        await page.keyboard.press('Escape');
        await profile.waitFor({ state: 'hidden' });
        await page.waitForFunction(() => document.activeElement?.id === 'menu-toggle');

        // Sign out from the drawer.
        await menu.click();
        await nav.getByRole('button', { name: 'Keluar' }).click();
        await page.waitForURL((u) => u.pathname === '/masuk');
      },
      { viewport: { width: 360, height: 740 } },
    ),
  );
});
