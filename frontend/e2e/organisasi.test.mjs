// The unit tree, the employee list (search, filters, pages, export), an employee's record
// with superiors and history, and the directory view — on the `seed-demo` data.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, SCREENSHOTS, launchBrowser, signIn, startBackend, withPage, navLink } from './helpers.mjs';

/** Selects the option whose visible text (indentation trimmed) is `text`. */
async function selectByText(select, text) {
  const value = await select.evaluate(
    (el, wanted) => [...el.options].find((o) => o.textContent.trim() === wanted)?.value,
    text,
  );
  assert.ok(value !== undefined, `no option "${text}"`);
  await select.selectOption(value);
}

/** The text of the selected option. */
function selectedText(select) {
  return select.evaluate((el) => el.selectedOptions[0]?.textContent.trim());
}

/** Names in the employee table, in order. */
function names(page) {
  return page.locator('table tbody tr td:first-child a').allTextContents();
}

/**
 * Runs `action` and waits for the list request whose query passes `wanted`, and for the list
 * to show its answer (the previous page stays on screen while the next one loads).
 */
async function reloads(page, action, wanted) {
  const answer = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/v1/employees' && wanted(url.searchParams);
  });
  await action();
  await answer;
  await page.locator('section[aria-busy="false"]').waitFor();
}

/** Waits until the list shows "Halaman … (n data)"; returns that text. */
async function waitForTotal(page, total = '\\d+') {
  const status = page
    .getByRole('navigation', { name: 'Navigasi halaman' })
    .getByText(new RegExp(`\\(${total} data\\)`));
  await status.waitFor();
  return status.textContent();
}

describe('organisasi dan pegawai', () => {
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
  const as = (username) => ({ username, password: DEMO.password });

  test(
    'the tree shows the eight kelurahan, folds with the keyboard, and a kelurahan lists its employees',
    withPage(fixtures, async (page) => {
      await page.goto('/organisasi');
      await signIn(page, as(DEMO.pegawai));
      await page.getByRole('heading', { name: 'Struktur Organisasi', level: 1 }).waitFor();
      const tree = page.getByRole('list', { name: 'Struktur unit kerja' });
      for (const name of DEMO.kelurahan) {
        await tree.getByRole('link', { name: `Kelurahan ${name}`, exact: true }).waitFor();
      }
      await tree.getByText('Kelurahan', { exact: true }).first().waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'unit-tree.png'), fullPage: true, animations: 'disabled' });

      // The kecamatan folds and unfolds from the keyboard; aria-expanded follows.
      const toggle = tree.getByRole('button', { name: 'Subunit Kecamatan Cipocok Jaya' });
      const gelam = tree.getByRole('link', { name: 'Kelurahan Gelam', exact: true });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await toggle.focus();
      await page.keyboard.press('Enter');
      await gelam.waitFor({ state: 'hidden' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await page.keyboard.press('Space');
      await gelam.waitFor({ state: 'visible' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');

      // The search keeps the matches and the way to them, marked.
      await page.getByLabel('Cari unit').fill('gelam');
      await page.getByRole('status').getByText('1 unit cocok dengan pencarian.').waitFor();
      assert.equal(await tree.getByRole('link').count(), 3, 'instansi, kecamatan and Gelam');
      assert.equal(await tree.locator('mark').first().textContent(), 'Gelam');
      await page.screenshot({ path: join(SCREENSHOTS, 'unit-tree-search.png'), animations: 'disabled' });

      await gelam.click();
      await page.waitForURL((u) => u.pathname === '/pegawai' && u.searchParams.has('unit'));
      await page.getByRole('heading', { name: 'Pegawai', level: 1 }).waitFor();
      await waitForTotal(page, 6);
      assert.equal(await selectedText(page.getByLabel('Unit kerja')), 'Kelurahan Gelam');
      const listed = await names(page);
      assert.ok(listed.includes('Nining Komariah'), listed.join(', '));
      assert.ok(!listed.includes('Rina Marlina'));
    }),
  );

  test(
    'the list is searched by name and by NIP prefix, filtered, and paged with its filters',
    withPage(fixtures, async (page) => {
      await page.goto('/pegawai');
      await signIn(page, as(DEMO.admin));
      await page.getByRole('table').waitFor();
      const everyone = await waitForTotal(page);
      assert.match(everyone, /^Halaman 1 dari \d+ \(\d+ data\)$/);

      const search = page.getByLabel('Cari nama atau NIP');
      // Debounced: the address follows the box after a pause.
      await search.fill('marlina');
      await page.waitForURL((u) => u.searchParams.get('q') === 'marlina');
      await page.getByRole('link', { name: 'Rina Marlina', exact: true }).waitFor();
      for (const name of await names(page)) assert.match(name, /marlina/i);

      // A NIP prefix, typed with spaces as it is printed.
      await search.fill('19900317 2015');
      await page.waitForURL((u) => u.searchParams.get('q') === '19900317 2015');
      await waitForTotal(page, 1);
      assert.deepEqual(await names(page), ['Rina Marlina']);
      await page.getByRole('cell', { name: /19900317 201503 2 001/ }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'employee-search-nip.png'), animations: 'disabled' });

      // Nothing found: the empty state offers to clear the filters.
      await search.fill('tidak ada nama seperti ini');
      await page.getByText('Tidak ada pegawai yang cocok dengan pencarian atau filter ini.').waitFor();
      await page.locator('.empty-state').getByRole('button', { name: 'Hapus filter' }).click();
      await page.getByRole('navigation', { name: 'Navigasi halaman' }).getByText(everyone).waitFor();
      assert.equal(await search.inputValue(), '');

      // Jenis jabatan: only functional (expert) positions.
      await reloads(
        page,
        () => page.getByLabel('Jenis jabatan').selectOption('fungsional_keahlian'),
        (q) => q.get('jenis_jabatan') === 'fungsional_keahlian',
      );
      assert.equal(new URL(page.url()).searchParams.get('jenis'), 'fungsional_keahlian');
      const positions = await page.locator('table tbody tr td:nth-child(2) .table__primary-text').allTextContents();
      assert.ok(positions.length > 0);
      for (const p of positions) assert.match(p, /Ahli/, p);

      // Golongan (admins and auditors) narrows further; sorting keeps the filters.
      await reloads(
        page,
        () => page.getByLabel('Jenis jabatan').selectOption('administrasi'),
        (q) => q.get('jenis_jabatan') === 'administrasi',
      );
      await reloads(
        page,
        () => page.getByLabel('Golongan', { exact: true }).selectOption('II/c'),
        (q) => q.get('golongan') === 'II/c',
      );
      await reloads(
        page,
        () => page.getByLabel('Urutkan').selectOption('nama_desc'),
        (q) => q.get('sort') === 'nama_desc' && q.get('golongan') === 'II/c',
      );
      const descending = await names(page);
      assert.ok(descending.length > 1);
      assert.ok(descending[0] > descending[descending.length - 1], descending.join(', '));
      for (const g of await page.locator('table tbody tr td:nth-child(3)').allTextContents()) {
        assert.match(g, /^II\/c/);
      }

      // The next page keeps the filters.
      await reloads(
        page,
        () => page.getByLabel('Golongan', { exact: true }).selectOption(''),
        (q) => !q.has('golongan'),
      );
      await reloads(
        page,
        () => page.getByLabel('Urutkan').selectOption('nama'),
        (q) => q.get('sort') === 'nama' && q.get('jenis_jabatan') === 'administrasi',
      );
      const first = await names(page);
      await reloads(
        page,
        () => page.getByRole('link', { name: 'Berikutnya' }).click(),
        (q) => q.get('page') === '2' && q.get('jenis_jabatan') === 'administrasi',
      );
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('jenis'), 'administrasi');
      await page.getByRole('navigation', { name: 'Navigasi halaman' }).getByText(/^Halaman 2 dari/).waitFor();
      assert.notDeepEqual(await names(page), first);
      await page.screenshot({ path: join(SCREENSHOTS, 'employee-list-filtered.png'), fullPage: true, animations: 'disabled' });
    }),
  );

  test(
    'an employee sees their PPKin derived from the structure, the history, and another date',
    withPage(fixtures, async (page) => {
      await page.goto('/pegawai?q=Rina%20Marlina');
      await signIn(page, as(DEMO.pegawai));
      // After signing in, the list opens with its query.
      await page.waitForURL((u) => u.pathname === '/pegawai' && u.searchParams.get('q') === 'Rina Marlina');
      assert.equal(await page.getByLabel('Cari nama atau NIP').inputValue(), 'Rina Marlina');
      await page.getByRole('link', { name: 'Rina Marlina', exact: true }).click();
      await page.getByRole('heading', { name: 'Rina Marlina', level: 1 }).waitFor();
      await page.getByText('19900317 201503 2 001').first().waitFor();

      const superiors = page.locator('section', { has: page.getByRole('heading', { name: 'Pejabat penilai' }) });
      const ppkin = superiors.getByRole('listitem').filter({ hasText: 'Pejabat Penilai Kinerja' }).first();
      await ppkin.getByRole('link', { name: 'Dewi Lestari, S.Sos.' }).waitFor();
      await ppkin.getByText('Melalui jabatan Kepala Subbagian Umum dan Kepegawaian').waitFor();
      await ppkin.getByText('Diturunkan dari struktur').waitFor();
      const atasan = superiors.getByRole('listitem').filter({ hasText: 'Atasan Pejabat Penilai Kinerja' });
      await atasan.getByText('Sekretaris Kecamatan', { exact: true }).waitFor();

      const history = page.locator('section', { has: page.getByRole('heading', { name: 'Riwayat jabatan' }) });
      const row = history.getByRole('row', { name: /Pengadministrasi Perkantoran/ });
      await row.getByText('Definitif').waitFor();
      await row.getByText('Sekarang').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'employee-record.png'), fullPage: true, animations: 'disabled' });

      // Before her first position there is no PPKin, and the reason is given.
      await page.getByLabel('Pada tanggal').fill('2020-01-01');
      await superiors.getByText('Pejabat penilai belum dapat ditentukan').waitFor();
      await superiors.getByText('Tidak memiliki jabatan definitif pada tanggal tersebut.').waitFor();
      assert.equal(await superiors.getByText('Dewi Lestari, S.Sos.').count(), 0);
    }),
  );

  test(
    'under an acting lurah the PPKin is marked Plt/Plh',
    withPage(fixtures, async (page) => {
      // Fitri Firmansyah, S.Sos., kepala seksi in Kelurahan Gelam, whose lurah is a Plt.
      await page.goto('/pegawai?q=197906202006022153');
      await signIn(page, as(DEMO.camat));
      await page.getByRole('link', { name: 'Fitri Firmansyah, S.Sos.' }).click();
      const superiors = page.locator('section', { has: page.getByRole('heading', { name: 'Pejabat penilai' }) });
      const ppkin = superiors.getByRole('listitem').filter({ hasText: 'Pejabat Penilai Kinerja' }).first();
      await ppkin.getByText('Plt/Plh', { exact: true }).waitFor();
      await ppkin.getByText('Melalui jabatan Lurah Gelam').waitFor();
    }),
  );

  test(
    'a pegawai sees a colleague outside their remit as the directory view',
    withPage(fixtures, async (page) => {
      const private_ = [];
      page.on('request', (r) => {
        if (/\/employees\/[^/?]+\/(superiors|assignments)/.test(r.url())) private_.push(r.url());
      });
      await page.goto('/pegawai');
      await signIn(page, as(DEMO.pegawai));
      // No export and no "Tambah pegawai" for a pegawai; no golongan/status filters either.
      await page.getByRole('table').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Unduh Excel' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Tambah pegawai' }).count(), 0);
      assert.equal(await page.getByLabel('Golongan', { exact: true }).count(), 0);

      await page.getByLabel('Cari nama atau NIP').fill('Hendra Gunawan');
      const row = page.getByRole('row', { name: /Hendra Gunawan/ });
      await row.getByText('Direktori').waitFor();
      await row.getByRole('link', { name: 'Hendra Gunawan, S.STP., M.Si.' }).click();
      await page.getByRole('heading', { name: 'Hendra Gunawan, S.STP., M.Si.', level: 1 }).waitFor();
      await page.getByRole('status').getByText(/Anda melihat data direktori pegawai ini/).waitFor();
      await page.getByText('Camat Cipocok Jaya', { exact: true }).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Pejabat penilai' }).count(), 0);
      assert.equal(await page.getByRole('heading', { name: 'Identitas' }).count(), 0);
      assert.equal(await page.getByText('Tanggal lahir').count(), 0);
      assert.deepEqual(private_, [], 'no request for private data');
      await page.screenshot({ path: join(SCREENSHOTS, 'employee-directory-view.png'), fullPage: true, animations: 'disabled' });
    }),
  );

  test(
    'the export downloads the filtered list as XLSX',
    withPage(fixtures, async (page) => {
      await page.goto('/pegawai?jenis=fungsional_keahlian');
      await signIn(page, as(DEMO.camat));
      await page.getByRole('table').waitFor();
      const request = page.waitForRequest((r) => r.url().includes('/api/v1/employees/export'));
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Unduh Excel' }).click();
      assert.match((await request).url(), /jenis_jabatan=fungsional_keahlian/);
      const file = await download;
      assert.equal(file.suggestedFilename(), 'pegawai.xlsx');
      const bytes = await readFile(await file.path());
      assert.ok(bytes.length > 1000, `${bytes.length} bytes`);
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'an XLSX (zip) file');
      await page.getByRole('button', { name: 'Unduh Excel' }).waitFor();
    }),
  );

  test(
    'in English the pages are translated, including the reasons',
    withPage(fixtures, async (page) => {
      await page.goto('/pegawai?q=Rina%20Marlina');
      await signIn(page, as(DEMO.admin));
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await page.getByRole('heading', { name: 'Employees', level: 1 }).waitFor();
      await page.getByLabel('Search by name or NIP').waitFor();
      await page.getByRole('link', { name: 'Rina Marlina', exact: true }).click();
      await page.getByText('Through the position Kepala Subbagian Umum dan Kepegawaian').waitFor();
      await page.getByText('From the structure').first().waitFor();
      await page.getByLabel('On date').fill('2020-01-01');
      await page.getByText('Holds no definitive position on that date.').waitFor();
      await (await navLink(page, 'Organisation chart')).click();
      await page.getByRole('heading', { name: 'Organisation structure', level: 1 }).waitFor();
      await page.getByText('Urban village').first().waitFor();
    }),
  );

  test(
    'on a 360 px phone the tree, the list and a record fit the screen',
    withPage(
      fixtures,
      async (page) => {
        const width = () => page.evaluate(() => document.documentElement.scrollWidth);
        await page.goto('/organisasi');
        await signIn(page, as(DEMO.admin));
        await page.getByRole('link', { name: 'Kelurahan Gelam', exact: true }).waitFor();
        assert.ok((await width()) <= 360, `tree is ${await width()}px wide`);
        await page.screenshot({ path: join(SCREENSHOTS, 'phone-unit-tree.png'), animations: 'disabled' });

        await page.goto('/pegawai?q=Marlina');
        await page.getByRole('link', { name: 'Rina Marlina', exact: true }).waitFor();
        assert.ok((await width()) <= 360, `list is ${await width()}px wide`);
        await page.getByRole('table').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOTS, 'phone-employee-list.png'), animations: 'disabled' });

        await page.getByRole('link', { name: 'Rina Marlina', exact: true }).click();
        await page.getByRole('heading', { name: 'Riwayat jabatan' }).waitFor();
        await page.getByText('Dewi Lestari, S.Sos.').waitFor();
        assert.ok((await width()) <= 360, `record is ${await width()}px wide`);
      },
      { viewport: { width: 360, height: 740 } },
    ),
  );
});
