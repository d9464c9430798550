// Opens the playground in headless Chromium (Debian's), runs the first example and reports what the result pane shows,
// then opens the documentation explorer and asks the editor for completions, both of which need introspection.
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

  // The docs pane lists the root type's fields once the schema has been introspected.
  await page.click('button[aria-label="Show Documentation Explorer"]');
  await page.waitForFunction(
    () => document.querySelector('.graphiql-doc-explorer')?.textContent.includes('Query'),
    undefined,
    { timeout: 30000 });
  await page.click('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name');
  await page.waitForFunction(
    () => document.querySelector('.graphiql-doc-explorer')?.textContent.includes('observations'),
    undefined,
    { timeout: 30000 });
  const docs = await page.evaluate(() => document.querySelector('.graphiql-doc-explorer').textContent);

  // Autocompletion: type the start of a root field into the query editor and read the hints offered.
  await page.click('.graphiql-query-editor .CodeMirror');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('{ indic', { delay: 50 });
  await page.waitForSelector('.CodeMirror-hints .CodeMirror-hint', { timeout: 30000 });
  const completions = await page.evaluate(() => [...document.querySelectorAll('.CodeMirror-hints .CodeMirror-hint')].map((e) => e.textContent));
  console.log(JSON.stringify({ result: result.slice(0, 4000), docs: docs.slice(0, 4000), completions, errors, external }));
} finally {
  await browser.close();
}
