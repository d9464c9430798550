// A planner's visit to /planner in headless Chromium (Debian's): the nation's map and ranking, then a click on
// Kalimantan Timur, then on Kota Bontang, as a person would drill down. Reports what each step showed (the map's
// provinces, the forecast chart's numbers and its table, the scorecard), every request that left the server and
// every console error; saves a screenshot per step and an A4 PDF of the last.
// Usage: node planner.mjs BASE_URL CHROMIUM_PATH OUTPUT_DIRECTORY
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, executablePath, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const origin = new URL(base).origin;
// A busy two-core machine draws slowly: wait generously for what a person waits for, never a fixed time.
const timeout = 60000;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // An English browser: the page is Indonesian all the same unless lang=en asks otherwise.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page.setDefaultTimeout(timeout);
  const errors = [];
  const external = [];
  const failed = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) external.push(r.url()); });
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));

  const ready = (code) => page.waitForFunction(
    (c) => document.body.dataset.state === 'ready' && document.body.dataset.region === c, code, { timeout });
  const view = () => page.evaluate(() => {
    const chartOf = (id) => window.echarts?.getInstanceByDom(document.getElementById(id));
    const map = chartOf('map-chart');
    const forecast = chartOf('forecast-chart');
    const rows = (id) => [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => ({
      ...tr.dataset, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    }));
    const option = forecast?.getOption();
    const categories = option?.xAxis[0].data ?? [];
    const seriesData = (id) => {
      const s = option?.series.find((x) => x.id === id);
      return s ? Object.fromEntries(s.data.map((v, i) => [categories[i], v]).filter(([, v]) => v !== '-' && v !== null)) : {};
    };
    return {
      lang: document.documentElement.lang,
      title: document.querySelector('h1').textContent,
      breadcrumb: document.getElementById('breadcrumb').textContent,
      status: document.getElementById('status').textContent,
      mapFeatures: window.echarts?.getMap('indonesia')?.geoJSON.features.length ?? 0,
      mapData: map ? map.getModel().getSeriesByIndex(0).getData().count() : 0,
      mapColoured: map ? map.getModel().getSeriesByIndex(0).getData().mapArray('value', (v) => v).filter((v) => !Number.isNaN(v) && v !== null).length : 0,
      mapSvgPaths: document.querySelectorAll('#map-chart svg path').length,
      mapTable: rows('map-table'),
      attribution: document.querySelector('.attribution').textContent,
      rankingTitle: document.getElementById('ranking-title').textContent,
      rankingTable: rows('ranking-table'),
      rankingBars: chartOf('ranking-chart')?.getOption().yAxis[0].data ?? [],
      forecastTitle: document.getElementById('forecast-title').textContent,
      forecastWords: document.getElementById('forecast-words').textContent,
      forecastTable: rows('forecast-table'),
      forecastChart: { projection: seriesData('projection'), observed: seriesData('observed'),
        markLines: option?.series.find((x) => x.id === 'projection')?.markLine?.data?.map((d) => d.name) ?? [] },
      scorecardTitle: document.getElementById('scorecard-title').textContent,
      scorecardSummary: document.getElementById('scorecard-summary').textContent,
      scorecardTable: rows('scorecard-table'),
    };
  });

  await page.goto(base + '/planner', { waitUntil: 'load' });
  await ready('0');
  const nation = await view();
  await page.screenshot({ path: join(outDir, 'planner-1-nation.png'), fullPage: true });

  // Drill down by clicking the region's name in the ranking's table, as a planner would.
  await page.click('#ranking-table button[data-drill="64"]');
  await ready('64');
  const province = await view();
  await page.screenshot({ path: join(outDir, 'planner-2-kalimantan-timur.png'), fullPage: true });

  await page.click('#ranking-table button[data-drill="64.74"]');
  await ready('64.74');
  const city = await view();
  await page.screenshot({ path: join(outDir, 'planner-3-kota-bontang.png'), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(outDir, 'planner-3-kota-bontang-top.png') });
  await page.locator('#forecast-section').screenshot({ path: join(outDir, 'planner-3-kota-bontang-forecast.png') });

  // On paper: A4, as a planner prints it for a report.
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(outDir, 'planner-3-kota-bontang.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pdf = readFileSync(pdfPath, 'latin1');
  const mediaBoxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  await page.emulateMedia({ media: 'screen' });

  // The English switch keeps the region and the choices.
  await page.click('#switch-language');
  await ready('64.74');
  const english = await view();
  await page.screenshot({ path: join(outDir, 'planner-4-kota-bontang-en.png'), fullPage: true });

  console.log(JSON.stringify({ nation, province, city, english, pdf: { pages: mediaBoxes.length, mediaBoxes: mediaBoxes.slice(0, 3) }, errors, external, failed, url: page.url() }));
} finally {
  await browser.close();
}
