import { DEMO, launchBrowser, signIn, startBackend } from './helpers.mjs';
const pages = JSON.parse(process.env.SHOTS);
const backend = await startBackend({}, { demo: true });
const browser = await launchBrowser();
try {
  for (const [name, user, path] of pages) {
    for (const width of [1366, 360]) {
      const ctx = await browser.newContext({ baseURL: backend.url, viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(path);
      await signIn(page, { username: DEMO[user], password: DEMO.password });
      await page.goto(path);
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  await backend.stop();
}
