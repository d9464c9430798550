// Opens the playground in headless Chromium (Debian's), runs the first example and reports what the result pane shows.
// Usage: node browse.mjs PAGE_URL CHROMIUM_PATH SCREENSHOT_PATH EXPECTED_TEXT
import { chromium } from 'playwright-core';

const [url, executablePath, screenshot, expected] = process.argv.slice(2);
const origin = new URL(url).origin;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  const external = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) external.push(r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-execute-button', { timeout: 30000 });
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('.result-window, .graphiql-response')].some((e) => e.textContent.includes(text)),
    expected,
    { timeout: 30000 });
  const result = await page.evaluate(() => [...document.querySelectorAll('.result-window, .graphiql-response')].map((e) => e.textContent).join('\n'));
  await page.screenshot({ path: screenshot });
  console.log(JSON.stringify({ result: result.slice(0, 4000), errors, external }));
} finally {
  await browser.close();
}
