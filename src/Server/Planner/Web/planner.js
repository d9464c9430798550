// The planner's workspace: reads the GraphQL API of this server and draws a map of the provinces, a ranking of the
// chosen region's children against their targets, the region's series with its forecast fan, and its scorecard,
// each with a table. Texts come from the page (the server's one place for them); numbers are written the way the
// page's language writes them (21,5% in Indonesian).
(() => {
  'use strict';

  const T = JSON.parse(document.getElementById('planner-texts').textContent);
  const lang = document.documentElement.lang === 'en' ? 'en' : 'id';
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const hasCharts = typeof window.echarts !== 'undefined';
  const NATION = { code: '0', name: 'Indonesia', level: 'NATION' };
  // Okabe-Ito, readable with every common colour-vision deficiency; shapes repeat what colour says.
  const C = { achieved: '#0072B2', notAchieved: '#D55E00', noTarget: '#999999', observed: '#000000', median: '#0072B2', band80: '#56B4E9', band95: '#C6E3F5', target: '#D55E00', highlight: '#E69F00' };
  // viridis: ordered in lightness, so the map reads in grey too.
  const SEQUENTIAL = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];
  const TARGET_YEARS = Array.from({ length: 11 }, (_, i) => 2025 + i);

  const state = { indicators: [], indicator: null, years: [], year: null, targetYear: 2029, path: [NATION], charts: {} };
  let renderToken = 0;

  // ---------- texts and numbers ----------
  function t(key, ...args) {
    const text = T[key] ?? key;
    return text.replace(/\{(\d+)\}/g, (_, i) => (args[Number(i)] ?? ''));
  }
  const formats = new Map();
  function num(value, decimals) {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    const d = decimals ?? decimalsOf(value);
    if (!formats.has(d)) formats.set(d, new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }));
    return formats.get(d).format(value);
  }
  function decimalsOf(value) {
    const text = String(value);
    const dot = text.indexOf('.');
    return dot < 0 ? 0 : Math.min(3, text.length - dot - 1);
  }
  function sharedDecimals(rows) {
    const ds = rows.flatMap((r) => [r.value?.value, r.target?.value]).filter((v) => typeof v === 'number').map(decimalsOf);
    return ds.length ? Math.max(...ds) : undefined;
  }
  function val(value, unit, decimals) {
    const text = num(value, decimals);
    return value === null || value === undefined || unit !== 'percent' ? text : text + '%';
  }
  function signed(value, unit, decimals) {
    if (value === null || value === undefined) return '–';
    return (value > 0 ? '+' : '') + val(value, unit, decimals);
  }
  function indicatorName(indicator) { return lang === 'id' ? indicator.nameId : indicator.name; }
  function unitText(unit) { return T['unit.' + unit] ?? unit; }
  function statusText(achieved, hasValue = true) {
    if (!hasValue) return t('status.noValue');
    if (achieved === true) return t('status.achieved');
    if (achieved === false) return t('status.notAchieved');
    return t('status.noTarget');
  }
  function statusClass(achieved) { return achieved === true ? 'achieved' : achieved === false ? 'not-achieved' : 'no-target'; }
  function probabilityWords(p) {
    // The IPCC's calibrated likelihood language, so a probability reads the same in every report.
    if (p < 0.1) return t('probability.veryUnlikely');
    if (p < 0.33) return t('probability.unlikely');
    if (p <= 0.66) return t('probability.evens');
    if (p <= 0.9) return t('probability.likely');
    return t('probability.veryLikely');
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // ---------- the API ----------
  class ApiError extends Error {
    constructor(code, message, requestId) { super(message); this.code = code; this.requestId = requestId; }
  }
  async function gql(query, variables) {
    let response;
    try {
      response = await fetch('graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('NETWORK', 'fetch failed');
    }
    let body;
    try { body = await response.json(); } catch { throw new ApiError('NETWORK', `HTTP ${response.status}`); }
    if (body.errors && body.errors.length) {
      const e = body.errors[0];
      throw new ApiError(e.extensions?.code ?? 'UNKNOWN', e.message, e.extensions?.requestId);
    }
    return body.data;
  }
  function errorText(error) {
    if (error instanceof ApiError && T['error.' + error.code]) return t('error.' + error.code, error.requestId ?? '');
    return t('error.UNKNOWN', error.message ?? String(error));
  }

  const ROW = `rank region { code name level } value { value source { id } } target { value plan }
               targetRegionCode targetIsInherited gap achieved`;
  const VIEW_QUERY = `query PlannerView($indicator: String!, $year: Int!, $region: String!, $parent: String!, $hasParent: Boolean!) {
    provinces: achievement(indicator: $indicator, year: $year, level: PROVINCE) { rows { ${ROW} } regionsWithoutValue { code name } }
    children: achievement(indicator: $indicator, year: $year, parentCode: $region) { rows { ${ROW} } regionsWithoutValue { code name } }
    siblings: achievement(indicator: $indicator, year: $year, parentCode: $parent) @include(if: $hasParent) { rows { ${ROW} } regionsWithoutValue { code name } }
    series(indicator: $indicator, region: $region, preferredOnly: true) { points { year period value survey source { id } } targets { year period value plan } }
    scorecard(region: $region, year: $year) {
      targetsMet targetsAssessed
      lines { indicator { code name nameId unit } value { value source { id } } target { value plan } targetRegionCode targetIsInherited gap achieved }
    }
  }`;
  const FORECAST_QUERY = `query PlannerForecast($indicator: String!, $region: String!, $targetYear: Int!) {
    forecast(indicator: $indicator, region: $region, targetYear: $targetYear) {
      method reliability warnings { kind message } latestYear latestValue decimals lineage outlookNote
      points { year value lower80 upper80 lower95 upper95 }
      outlook { target targetYear plan targetRegionCode projectedValue probability currentAarr requiredAarr crossingYear onTrack }
    }
  }`;

  // ---------- state in the address ----------
  function readAddress() {
    const q = new URLSearchParams(location.search);
    return { indicator: q.get('indicator'), region: q.get('region'), year: Number(q.get('year')) || null, targetYear: Number(q.get('targetYear')) || null };
  }
  function writeAddress() {
    const q = new URLSearchParams();
    q.set('lang', lang);
    q.set('indicator', state.indicator.code);
    q.set('region', current().code);
    q.set('year', String(state.year));
    q.set('targetYear', String(state.targetYear));
    history.replaceState(null, '', 'planner?' + q);
    const other = new URLSearchParams(q);
    other.set('lang', lang === 'id' ? 'en' : 'id');
    document.getElementById('switch-language').href = 'planner?' + other;
  }
  function current() { return state.path[state.path.length - 1]; }
  // An inherited target belongs to a region enclosing the one shown, so it is on the path.
  function regionName(code) { return state.path.find((r) => r.code === code)?.name ?? code; }
  function parentOf() { return state.path.length > 1 ? state.path[state.path.length - 2] : null; }

  // ---------- controls ----------
  function fillSelect(select, options, chosen) {
    select.replaceChildren(...options.map(([value, label]) => {
      const option = document.createElement('option');
      option.value = String(value);
      option.textContent = label;
      option.selected = String(value) === String(chosen);
      return option;
    }));
  }
  async function loadYears() {
    const data = await gql(`query PlannerYears($indicator: String!) {
      aggregate(where: { indicators: [$indicator], granularity: YEAR }, groupBy: [YEAR, LEVEL], first: 1000) { year level count } }`,
    { indicator: state.indicator.code });
    const years = [...new Set(data.aggregate.map((r) => r.year))].sort((a, b) => b - a);
    // The default year is the latest in which most provinces have a value, so the map says something.
    const mapYears = data.aggregate.filter((r) => r.level === 'PROVINCE' && r.count >= 19).map((r) => r.year);
    state.years = years;
    if (!years.includes(state.year)) state.year = mapYears.length ? Math.max(...mapYears) : (years[0] ?? new Date().getFullYear() - 1);
    fillSelect(document.getElementById('year'), years.map((y) => [y, String(y)]), state.year);
  }
  async function loadPath(code) {
    const data = await gql(`query PlannerRegion($code: String!) { region(code: $code) { code name level
      parent { code name level parent { code name level parent { code name level parent { code name level } } } } } }`, { code });
    if (!data.region) throw new ApiError('UNKNOWN_REGION', code);
    const path = [];
    for (let r = data.region; r; r = r.parent) path.unshift({ code: r.code, name: r.name, level: r.level });
    return path;
  }
  function renderBreadcrumb() {
    const nav = document.getElementById('breadcrumb');
    nav.replaceChildren(...state.path.flatMap((region, i) => {
      const last = i === state.path.length - 1;
      const item = document.createElement(last ? 'strong' : 'button');
      item.textContent = region.name;
      item.dataset.region = region.code;
      if (!last) {
        item.type = 'button';
        item.className = 'link';
        item.addEventListener('click', () => { state.path = state.path.slice(0, i + 1); render(); });
      } else {
        item.setAttribute('aria-current', 'page');
      }
      return i === 0 ? [item] : [document.createTextNode(' › '), item];
    }));
  }
  function drillTo(region, asSibling) {
    const entry = { code: region.code, name: region.name, level: region.level };
    if (entry.level === 'PROVINCE') state.path = [NATION, entry];
    else if (asSibling) state.path = [...state.path.slice(0, -1), entry];
    else state.path = [...state.path, entry];
    render();
  }

  // ---------- tables ----------
  function table(id, caption, headers, rows) {
    const el = document.getElementById(id);
    el.innerHTML = `<caption>${escapeHtml(caption)}</caption><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`
      + `<tbody>${rows.join('')}</tbody>`;
    return el;
  }
  function cell(text, className) { return `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`; }
  function regionButton(region, role) {
    return `<td><button type="button" class="link" data-drill="${escapeHtml(region.code)}" data-role="${role}" data-name="${escapeHtml(region.name)}" data-level="${region.level}">${escapeHtml(region.name)}</button></td>`;
  }
  function wireDrill(tableEl, regionsByCode) {
    tableEl.querySelectorAll('button[data-drill]').forEach((b) => b.addEventListener('click', () => {
      drillTo(regionsByCode.get(b.dataset.drill), b.dataset.role === 'sibling');
    }));
  }

  // ---------- charts ----------
  function chart(id) {
    if (!hasCharts) return null;
    if (!state.charts[id]) {
      // SVG: sharp on paper, and the page prints what it shows.
      state.charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    }
    return state.charts[id];
  }
  const baseText = { fontFamily: 'system-ui, sans-serif', color: '#222' };

  let boundaries = null;
  async function loadBoundaries() {
    if (boundaries || !hasCharts) return;
    const response = await fetch('planner/assets/provinces.geojson');
    boundaries = await response.json();
    echarts.registerMap('indonesia', boundaries);
  }
  function centroids() {
    // The area centroid of each province's largest polygon (by the shoelace formula): where its achievement mark
    // goes, inside the main island rather than in the sea between islands.
    const centres = new Map();
    for (const feature of boundaries.features) {
      const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      let best = null;
      for (const polygon of polygons) {
        const ring = polygon[0];
        let a = 0; let cx = 0; let cy = 0;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
          a += cross; cx += (ring[j][0] + ring[i][0]) * cross; cy += (ring[j][1] + ring[i][1]) * cross;
        }
        if (a !== 0 && (!best || Math.abs(a) > best.area)) best = { area: Math.abs(a), centre: [cx / (3 * a), cy / (3 * a)] };
      }
      if (best) centres.set(feature.properties.KODE_KEMENDAGRI, best.centre);
    }
    return centres;
  }

  function renderMap(provinces) {
    const ind = state.indicator;
    document.getElementById('map-title').textContent = t('map.title', indicatorName(ind), state.year);
    const byCode = new Map(provinces.rows.map((r) => [r.region.code, r]));
    const names = new Map([...provinces.rows.map((r) => [r.region.code, r.region.name]), ...provinces.regionsWithoutValue.map((r) => [r.code, r.name])]);
    const values = provinces.rows.map((r) => r.value.value);
    // One number of decimals for the whole map, so that 8,0% and 31,2% line up.
    const dm = sharedDecimals(provinces.rows);
    const achieved = provinces.rows.filter((r) => r.achieved === true).length;
    document.getElementById('map-legend').textContent =
      `${t('map.legendAchieved')} · ${t('map.legendNotAchieved')} · ${t('map.provincesWithValue', provinces.rows.length, names.size, achieved)}`;

    const all = [...names.entries()].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }));
    const rows = all.map(([code, name]) => {
      const r = byCode.get(code);
      return `<tr data-code="${escapeHtml(code)}">${cell(code, 'code')}${regionButton({ code, name, level: 'PROVINCE' }, 'province')}`
        + `${cell(r ? val(r.value.value, ind.unit, dm) : '–', 'num')}${cell(r?.target ? val(r.target.value, ind.unit, dm) : '–', 'num')}`
        + `${cell(statusText(r?.achieved ?? null, !!r), r ? statusClass(r.achieved) : 'no-value')}</tr>`;
    });
    const tableEl = table('map-table', t('map.title', indicatorName(ind), state.year),
      [t('column.code'), t('column.region'), t('column.value'), t('column.target'), t('column.status')], rows);
    wireDrill(tableEl, new Map(all.map(([code, name]) => [code, { code, name, level: 'PROVINCE' }])));

    const c = chart('map-chart');
    if (!c) return;
    const centres = centroids();
    const data = boundaries.features.map((f) => {
      const code = f.properties.KODE_KEMENDAGRI;
      const r = byCode.get(code);
      return { name: code, value: r ? r.value.value : null, provinceName: names.get(code) ?? f.properties.PROVINSI, row: r ?? null };
    });
    const marks = (wanted, symbol) => provinces.rows.filter((r) => r.achieved === wanted && centres.has(r.region.code))
      .map((r) => ({ name: r.region.code, value: centres.get(r.region.code), symbol }));
    const selected = state.path[1]?.code;
    c.setOption({
      textStyle: baseText,
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const d = data.find((x) => x.name === p.name);
          if (!d) return '';
          const r = d.row;
          return `<strong>${escapeHtml(d.provinceName)}</strong><br>${r ? val(r.value.value, ind.unit, dm) : t('map.noValue')}`
            + (r?.target ? `<br>${t('column.target')}: ${val(r.target.value, ind.unit, dm)} · ${statusText(r.achieved)}` : '');
        },
      },
      visualMap: values.length ? {
        type: 'continuous', min: Math.min(...values), max: Math.max(...values), calculable: false, orient: 'horizontal',
        text: [val(Math.max(...values), ind.unit, dm), val(Math.min(...values), ind.unit, dm)],
        left: 'center', bottom: 0, itemWidth: 12, itemHeight: 220, inRange: { color: SEQUENTIAL },
        formatter: (v) => val(v, ind.unit, 1), textStyle: baseText, seriesIndex: 0,
      } : undefined,
      geo: {
        map: 'indonesia', nameProperty: 'KODE_KEMENDAGRI', roam: false, top: 10, bottom: 50, left: 10, right: 10,
        itemStyle: { areaColor: '#e6e6e6', borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: C.highlight } },
        select: { disabled: true },
        regions: selected ? [{ name: selected, itemStyle: { borderColor: '#000', borderWidth: 2 } }] : [],
        tooltip: { show: false },
      },
      series: [
        // The series names its regions like the geo component does, else it adds 38 unnamed ones of its own.
        { type: 'map', map: 'indonesia', nameProperty: 'KODE_KEMENDAGRI', geoIndex: 0, data, name: indicatorName(ind) },
        { type: 'scatter', coordinateSystem: 'geo', symbol: 'circle', symbolSize: 9, data: marks(true, 'circle'),
          itemStyle: { color: '#ffffff', borderColor: '#000000', borderWidth: 1.5 }, silent: true, z: 5 },
        { type: 'scatter', coordinateSystem: 'geo', symbol: 'triangle', symbolSize: 10, data: marks(false, 'triangle'),
          itemStyle: { color: '#000000', borderColor: '#ffffff', borderWidth: 1 }, silent: true, z: 5 },
      ],
    }, true);
    c.off('click');
    c.on('click', (p) => {
      if (p.seriesIndex === 0 && names.has(p.name)) drillTo({ code: p.name, name: names.get(p.name), level: 'PROVINCE' });
    });
  }

  function renderRanking(children, siblings) {
    const ind = state.indicator;
    const region = current();
    // A region without children that have values (a kabupaten/kota: its kecamatan carry none) is shown among its peers.
    const useSiblings = children.rows.length === 0 && siblings && siblings.rows.length > 0;
    const source = useSiblings ? siblings : children;
    const scope = useSiblings ? parentOf() : region;
    const scopeText = scope.level === 'NATION' ? t('children.NATION') : t('children.' + scope.level, scope.name);
    document.getElementById('ranking-title').textContent = t('ranking.title', scopeText, indicatorName(ind), state.year);
    const notes = [];
    if (useSiblings) notes.push(t('ranking.siblings', region.name, parentOf().name));
    if (source.rows.length === 0) notes.push(t('ranking.empty'));
    if (source.regionsWithoutValue.length) {
      const names = source.regionsWithoutValue.map((r) => r.name);
      notes.push(t('ranking.withoutValue', names.length > 12 ? `${names.slice(0, 12).join(', ')} … (+${names.length - 12})` : names.join(', ')));
    }
    document.getElementById('ranking-note').textContent = notes.join(' ');

    const dm = sharedDecimals(source.rows);
    const role = useSiblings ? 'sibling' : 'child';
    const rows = source.rows.map((r) => `<tr data-code="${escapeHtml(r.region.code)}"${r.region.code === region.code ? ' class="current"' : ''}>`
      + `${cell(String(r.rank), 'num')}${regionButton(r.region, role)}${cell(val(r.value.value, ind.unit, dm), 'num')}`
      + `${cell(r.target ? val(r.target.value, ind.unit, dm) : '–', 'num')}${cell(r.target ? r.target.plan + (r.targetIsInherited ? ` (${t('scorecard.inherited', regionName(r.targetRegionCode))})` : '') : '–')}`
      + `${cell(signed(r.gap, ind.unit, dm), 'num')}${cell(statusText(r.achieved), statusClass(r.achieved))}${cell(r.value.source.id)}</tr>`);
    const tableEl = table('ranking-table', document.getElementById('ranking-title').textContent,
      [t('column.rank'), t('column.region'), t('column.value'), t('column.target'), t('column.plan'), t('column.gap'), t('column.status'), t('column.source')], rows);
    wireDrill(tableEl, new Map(source.rows.map((r) => [r.region.code, r.region])));

    const el = document.getElementById('ranking-chart');
    el.style.height = `${Math.max(120, source.rows.length * 22 + 70)}px`;
    el.hidden = source.rows.length === 0;
    const c = chart('ranking-chart');
    if (!c || source.rows.length === 0) return;
    c.resize();
    const names = source.rows.map((r) => r.region.name);
    c.setOption({
      textStyle: baseText,
      grid: { left: 8, right: 70, top: 30, bottom: 24, containLabel: true },
      legend: { top: 0, data: [t('status.achieved'), t('status.notAchieved'), t('status.noTarget'), t('ranking.target')], textStyle: baseText },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => val(v, ind.unit, dm) },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => val(v, ind.unit) } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontWeight: (v) => (v === region.name ? 'bold' : 'normal') } },
      series: [
        ...[[true, 'status.achieved', C.achieved], [false, 'status.notAchieved', C.notAchieved], [null, 'status.noTarget', C.noTarget]].map(([a, key, color]) => ({
          type: 'bar', name: t(key), stack: 'value', barMaxWidth: 16,
          // A pattern repeats on the bars that miss their target what the colour says, for readers who cannot tell them apart.
          itemStyle: { color, decal: a === false ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.5)' } : undefined },
          data: source.rows.map((r) => ((r.achieved ?? null) === a ? {
            value: r.value.value,
            itemStyle: r.region.code === region.code ? { borderColor: '#000', borderWidth: 2 } : undefined,
            label: { show: true, position: 'right', formatter: () => val(r.value.value, ind.unit, dm) },
          } : '-')),
        })),
        { type: 'scatter', name: t('ranking.target'), symbol: 'rect', symbolSize: [3, 18], itemStyle: { color: '#000' }, z: 5,
          data: source.rows.map((r) => (r.target ? r.target.value : '-')) },
      ],
      aria: { enabled: true },
    }, true);
    c.off('click');
    c.on('click', (p) => { const r = source.rows[p.dataIndex]; if (r && r.region.code !== region.code) drillTo(r.region, useSiblings); });
  }

  function renderForecast(series, forecast, forecastError) {
    const ind = state.indicator;
    const region = current();
    document.getElementById('forecast-title').textContent = t('forecast.title', indicatorName(ind), region.name);
    const observed = series.points.filter((p) => p.period === 'YEAR');
    const targets = series.targets.filter((p) => p.period === 'YEAR');
    const words = document.getElementById('forecast-words');
    const d = forecast?.decimals;
    const parts = [];
    if (forecastError) {
      parts.push(`<p class="error">${escapeHtml(errorText(forecastError))}</p>`);
    } else {
      parts.push(`<p>${escapeHtml(t('forecast.summary', t('method.' + forecast.method), t('reliability.' + forecast.reliability)))}</p>`);
      const o = forecast.outlook;
      if (o) {
        const inherited = o.targetRegionCode && o.targetRegionCode !== region.code
          ? t('forecast.inheritedTarget', regionName(o.targetRegionCode)) : '';
        const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(o.probability);
        parts.push(`<p class="outlook">${escapeHtml(t('forecast.outlook', val(o.target, ind.unit, d), o.targetYear, o.plan ?? '', inherited,
          val(o.projectedValue, ind.unit, d), pct, probabilityWords(o.probability), o.onTrack ? t('outlook.onTrack') : t('outlook.offTrack')))}</p>`);
        parts.push(`<p>${escapeHtml(o.crossingYear ? t('forecast.crossingYear', o.crossingYear) : t('forecast.noCrossing'))}`
          + (o.currentAarr !== null && o.requiredAarr !== null ? ` ${escapeHtml(t('forecast.aarr', val(o.currentAarr, 'percent', 2), val(o.requiredAarr, 'percent', 2)))}` : '') + '</p>');
      } else {
        parts.push(`<p>${escapeHtml(t('forecast.noOutlook', state.targetYear))}</p>`);
      }
      const notes = forecast.warnings.map((w) => T['warning.' + w.kind] ?? w.message);
      if (forecast.lineage) notes.push(t('forecast.lineage', forecast.lineage));
      if (notes.length) parts.push(`<p class="warnings"><strong>${escapeHtml(t('forecast.warnings'))}:</strong></p><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
    }
    words.innerHTML = parts.join('');

    const points = forecast?.points ?? [];
    const rows = [
      ...observed.map((p) => `<tr data-kind="observed" data-year="${p.year}">${cell(String(p.year))}${cell(val(p.value, ind.unit, Math.max(d ?? 0, decimalsOf(p.value))), 'num')}${cell(p.source.id)}`
        + `${cell('')}${cell('')}${cell('')}${cell('')}${cell('')}</tr>`),
      ...points.map((p) => `<tr data-kind="forecast" data-year="${p.year}">${cell(String(p.year))}${cell('')}${cell('')}${cell(val(p.value, ind.unit, d), 'num')}`
        + `${cell(val(p.lower80, ind.unit, d), 'num')}${cell(val(p.upper80, ind.unit, d), 'num')}${cell(val(p.lower95, ind.unit, d), 'num')}${cell(val(p.upper95, ind.unit, d), 'num')}</tr>`),
    ];
    table('forecast-table', document.getElementById('forecast-title').textContent,
      [t('column.year'), t('column.observed'), t('column.source'), t('column.projection'), t('column.lower80'), t('column.upper80'), t('column.lower95'), t('column.upper95')], rows);

    const c = chart('forecast-chart');
    if (!c) return;
    // Every year from the first value to the last projection, so that a gap between surveys shows as a gap in time.
    const known = [...observed.map((p) => p.year), ...points.map((p) => p.year), ...targets.map((p) => p.year)];
    const years = known.length ? Array.from({ length: Math.max(...known) - Math.min(...known) + 1 }, (_, i) => Math.min(...known) + i) : [];
    const at = (list, pick) => years.map((y) => { const p = list.find((x) => x.year === y); return p ? pick(p) : '-'; });
    // The fan starts at the latest value, so that the projection visibly continues the published series.
    const anchor = forecast ? [{ year: forecast.latestYear, value: forecast.latestValue, lower80: forecast.latestValue, upper80: forecast.latestValue, lower95: forecast.latestValue, upper95: forecast.latestValue }] : [];
    const fan = [...anchor, ...points];
    const o = forecast?.outlook;
    const markLines = [];
    if (o) markLines.push({ yAxis: o.target, name: 'target', lineStyle: { color: C.target, type: 'dashed', width: 2 }, label: { formatter: t('forecast.targetLine', val(o.target, ind.unit, d), o.plan ?? ''), position: 'insideStartTop', color: C.target } });
    if (o?.crossingYear) markLines.push({ xAxis: String(o.crossingYear), name: 'crossing', lineStyle: { color: '#000', type: 'dotted' }, label: { formatter: t('forecast.crossing', o.crossingYear), position: 'insideEndTop' } });
    c.setOption({
      textStyle: baseText,
      legend: { top: 0, textStyle: baseText, data: [t('forecast.observed'), t('forecast.projection'), t('forecast.band80'), t('forecast.band95')] },
      grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? val(v, ind.unit, d) : v) },
      xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v) => val(v, ind.unit) } },
      series: [
        { name: 'lower95', type: 'line', stack: 'band95', data: at(fan, (p) => p.lower95), lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
        { name: t('forecast.band95'), type: 'line', stack: 'band95', data: at(fan, (p) => +(p.upper95 - p.lower95).toFixed(6)), lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: C.band95 }, itemStyle: { color: C.band95 }, tooltip: { show: false }, silent: true },
        { name: 'lower80', type: 'line', stack: 'band80', data: at(fan, (p) => p.lower80), lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
        { name: t('forecast.band80'), type: 'line', stack: 'band80', data: at(fan, (p) => +(p.upper80 - p.lower80).toFixed(6)), lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: C.band80 }, itemStyle: { color: C.band80 }, tooltip: { show: false }, silent: true },
        { name: t('forecast.projection'), id: 'projection', type: 'line', data: at(fan, (p) => p.value), lineStyle: { color: C.median, type: 'dashed', width: 2 }, itemStyle: { color: C.median }, symbol: 'emptyCircle', markLine: { symbol: 'none', data: markLines, silent: true } },
        { name: t('forecast.observed'), id: 'observed', type: 'line', data: at(observed, (p) => p.value), connectNulls: true, lineStyle: { color: C.observed, width: 2 }, itemStyle: { color: C.observed }, symbol: 'circle', symbolSize: 7,
          label: { show: true, position: 'top', formatter: (p) => val(p.value, ind.unit, Math.max(d ?? 0, decimalsOf(p.value))) } },
        { name: t('ranking.target'), type: 'scatter', data: at(targets, (p) => p.value), symbol: 'diamond', symbolSize: 10, itemStyle: { color: C.target } },
      ],
    }, true);
  }

  function renderScorecard(scorecard) {
    document.getElementById('scorecard-title').textContent = t('scorecard.title', current().name, state.year);
    document.getElementById('scorecard-summary').textContent = scorecard.lines.length
      ? t('scorecard.summary', scorecard.targetsMet, scorecard.targetsAssessed) : t('scorecard.empty');
    const rows = scorecard.lines.map((line) => {
      const unit = line.indicator.unit;
      const inherited = line.targetIsInherited ? ` (${t('scorecard.inherited', regionName(line.targetRegionCode))})` : '';
      return `<tr data-indicator="${escapeHtml(line.indicator.code)}">${cell(indicatorName(line.indicator))}${cell(line.value ? val(line.value.value, unit) : '–', 'num')}`
        + `${cell(line.target ? val(line.target.value, unit) : '–', 'num')}${cell(line.target ? line.target.plan + inherited : '–')}`
        + `${cell(signed(line.gap, unit), 'num')}${cell(statusText(line.achieved, !!line.value), line.value ? statusClass(line.achieved) : 'no-value')}`
        + `${cell(line.value?.source.id ?? '–')}</tr>`;
    });
    table('scorecard-table', document.getElementById('scorecard-title').textContent,
      [t('column.indicator'), t('column.value'), t('column.target'), t('column.plan'), t('column.gap'), t('column.status'), t('column.source')], rows);
  }

  // ---------- one render of everything ----------
  async function render() {
    const token = ++renderToken;
    document.body.dataset.state = 'loading';
    const status = document.getElementById('status');
    status.textContent = t('page.loading');
    status.classList.remove('error');
    renderBreadcrumb();
    writeAddress();
    const region = current();
    const parent = parentOf();
    try {
      const [view, forecastResult] = await Promise.all([
        gql(VIEW_QUERY, { indicator: state.indicator.code, year: state.year, region: region.code, parent: parent?.code ?? '0', hasParent: !!parent }),
        gql(FORECAST_QUERY, { indicator: state.indicator.code, region: region.code, targetYear: state.targetYear })
          .then((d) => ({ forecast: d.forecast }), (error) => ({ error })),
        loadBoundaries(),
      ]);
      if (token !== renderToken) return; // a newer choice is being drawn
      renderMap(view.provinces);
      renderRanking(view.children, view.siblings ?? null);
      renderForecast(view.series, forecastResult.forecast ?? null, forecastResult.error ?? null);
      renderScorecard(view.scorecard);
      status.textContent = hasCharts ? '' : t('page.noCharts');
      document.body.dataset.region = region.code;
      document.body.dataset.state = 'ready';
    } catch (error) {
      if (token !== renderToken) return;
      status.textContent = errorText(error);
      status.classList.add('error');
      document.body.dataset.state = 'error';
    }
  }

  async function start() {
    const address = readAddress();
    const data = await gql('{ indicators { code name nameId unit direction } dataVersion { number } }');
    state.indicators = data.indicators;
    state.indicator = data.indicators.find((i) => i.code === address.indicator) ?? data.indicators.find((i) => i.code === 'STUNTING') ?? data.indicators[0];
    if (data.dataVersion) document.getElementById('data-version').textContent = t('page.dataVersion', data.dataVersion.number);
    fillSelect(document.getElementById('indicator'), state.indicators.map((i) => [i.code, `${indicatorName(i)} (${unitText(i.unit)}, ${t('direction.' + i.direction)})`]), state.indicator.code);
    if (address.targetYear && TARGET_YEARS.includes(address.targetYear)) state.targetYear = address.targetYear;
    fillSelect(document.getElementById('target-year'), TARGET_YEARS.map((y) => [y, String(y)]), state.targetYear);
    state.year = address.year;
    if (address.region && address.region !== '0') state.path = await loadPath(address.region);
    await loadYears();

    document.getElementById('indicator').addEventListener('change', async (e) => {
      state.indicator = state.indicators.find((i) => i.code === e.target.value);
      try { await loadYears(); } catch (error) { document.getElementById('status').textContent = errorText(error); return; }
      render();
    });
    document.getElementById('year').addEventListener('change', (e) => { state.year = Number(e.target.value); render(); });
    document.getElementById('target-year').addEventListener('change', (e) => { state.targetYear = Number(e.target.value); render(); });
    document.getElementById('print').addEventListener('click', () => window.print());
    window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.resize()));
    // An A4 page is narrower than most screens: draw the charts at the printed width, then back.
    window.addEventListener('beforeprint', () => Object.values(state.charts).forEach((c) => c.resize({ width: 680 })));
    window.addEventListener('afterprint', () => Object.values(state.charts).forEach((c) => c.resize()));
    await render();
  }

  start().catch((error) => {
    const status = document.getElementById('status');
    status.textContent = errorText(error);
    status.classList.add('error');
    document.body.dataset.state = 'error';
  });
})();
