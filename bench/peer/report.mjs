// Assembles bench/peer/run.sh's Markdown report from the result files it left in one directory:
//   node report.mjs <results-dir> <header-markdown-file>
// <side>.<query>.json from time.mjs (sides: kencana-on, kencana-off, postgraphile) and <side>.<query>.wrk holding
// wrk's WRKRESULT line (bench/api/graphql.lua). Checks that both servers answer the same numbers and prints the
// checks with the tables; exits 0 even when a check fails (the report says so).
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";

const [dir, headerFile] = process.argv.slice(2);
const sides = ["kencana-on", "kencana-off", "postgraphile"];
const queries = [
  ["series", "`series` of Kota Bontang (64.74), STUNTING, 120 monthly points"],
  ["aggregate", "`aggregate` mean by year over province 64 (pg-aggregates `groupedAggregates`)"],
  ["page", "`observations` page of 500 with `totalCount` under province 64"],
  ["nested", "416 kabupaten x 120 points (`regions` -> `series`)"],
];
const load = (side, q) => {
  const f = path.join(dir, `${side}.${q}.json`);
  if (!existsSync(f)) return null;
  try { return JSON.parse(readFileSync(f, "utf8")); } catch { return null; }
};
const wrk = (side, q) => {
  const f = path.join(dir, `${side}.${q}.wrk`);
  if (!existsSync(f)) return null;
  const line = readFileSync(f, "utf8").split("\n").find((l) => l.startsWith("WRKRESULT"));
  if (!line) return null;
  return Object.fromEntries(line.split(" ").slice(1).map((kv) => kv.split("=")).map(([k, v]) => [k, Number(v)]));
};
const ms = (r, k) => (r && r.n ? r[k].toFixed(2) : "-");
const ratio = (a, b) => (a && b && a.n && b.n ? (a.p50 / b.p50).toFixed(2) : "-");

// Equality checks on the first answers (cache off: the numbers Kencana computes, not a stored answer).
const checks = [];
const close = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
const check = (name, ok, detail) => checks.push(`- ${ok ? "OK" : "MISMATCH"} ${name}: ${detail}`);
const k = (q) => load("kencana-off", q)?.data ?? load("kencana-on", q)?.data;
const p = (q) => load("postgraphile", q)?.data;
try {
  const ks = k("series")?.series?.points, ps = p("series")?.allObservations?.nodes;
  if (ks && ps) {
    const same = ks.length === ps.length && ks.every((x, i) => x.year === ps[i].year && x.period === ps[i].period && close(x.value, ps[i].value));
    const sum = (a) => a.reduce((s, x) => s + x.value, 0);
    check("series", same, `${ks.length} against ${ps.length} points, sum ${sum(ks).toFixed(6)} against ${sum(ps).toFixed(6)}`);
  } else check("series", false, "an answer is missing");
  const ka = k("aggregate")?.aggregate, pa = p("aggregate")?.allObservations?.groupedAggregates;
  if (ka && pa) {
    const byYear = new Map(pa.map((g) => [Number(g.keys[0]), g]));
    const same = ka.length === pa.length && ka.every((r) => byYear.has(r.year)
      && Number(byYear.get(r.year).distinctCount.rowId) === r.count && close(r.mean, byYear.get(r.year).average.value));
    const y = ka[ka.length - 1], g = byYear.get(y.year);
    check("aggregate", same, `${ka.length} years; ${y.year}: count ${y.count} against ${g?.distinctCount?.rowId}, mean ${y.mean} against ${g?.average?.value}`);
  } else check("aggregate", false, "an answer is missing");
  const ko = k("page")?.observations, po = p("page")?.allObservations;
  if (ko && po) check("page", ko.totalCount === po.totalCount && ko.nodes.length === po.nodes.length,
    `totalCount ${ko.totalCount} against ${po.totalCount}, ${ko.nodes.length} against ${po.nodes.length} nodes`);
  else check("page", false, "an answer is missing");
  const kn = k("nested")?.regions, pn = p("nested")?.allRegions?.nodes;
  if (kn && pn) {
    const points = (a, f) => a.reduce((s, r) => s + f(r).length, 0);
    const pg = new Map(pn.map((r) => [r.code, r.observationsByRegionCode.nodes]));
    const same = kn.length === pn.length && kn.every((r) => pg.has(r.code) && pg.get(r.code).length === r.series.points.length
      && r.series.points.every((x, i) => close(x.value, pg.get(r.code)[i].value)));
    check("nested", same, `${kn.length} against ${pn.length} regions, ${points(kn, (r) => r.series.points)} against ${points(pn, (r) => r.observationsByRegionCode.nodes)} values`);
  } else check("nested", false, "an answer is missing");
} catch (e) {
  check("checks", false, `could not compare: ${e.message}`);
}

const out = [];
out.push(readFileSync(headerFile, "utf8").trimEnd(), "");
out.push("### Equal answers", "", "Kencana (cache off, first answer) against PostGraphile, values compared to a relative 1e-6 (Kencana rounds `mean` to 9 decimals):", "", ...checks, "");
const header = (side) => queries.map(([q]) => `${q} ${load(side, q)?.cache ?? "none"}`).join(", ");
out.push(`\`X-Kencana-Cache\` on the last timed answer: cache on: ${header("kencana-on")}; cache off: ${header("kencana-off")}.`, "");
out.push("### One request at a time", "");
out.push("Milliseconds, nearest-rank percentiles over one kept-alive connection after the warm-up. *Ratio* is Kencana's p50 over PostGraphile's: below 1 Kencana is faster.", "");
out.push("| Query | Kencana, cache on p50 / p95 | Kencana, cache off p50 / p95 | PostGraphile p50 / p95 | Ratio p50, cache on | Ratio p50, cache off | Answer bytes K / PG | Timed requests K on / off / PG |");
out.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [q, label] of queries) {
  const [on, off, pg] = sides.map((s) => load(s, q));
  out.push(`| ${label} | ${ms(on, "p50")} / ${ms(on, "p95")} | ${ms(off, "p50")} / ${ms(off, "p95")} | ${ms(pg, "p50")} / ${ms(pg, "p95")} | ${ratio(on, pg)} | ${ratio(off, pg)} | ${off?.bytes ?? on?.bytes ?? "-"} / ${pg?.bytes ?? "-"} | ${on?.n ?? "-"} / ${off?.n ?? "-"} / ${pg?.n ?? "-"} |`);
}
out.push("", "### Throughput (wrk, 16 connections)", "");
out.push("Requests per second over the run; *failed* counts answers that were not 200 or carried `errors`.", "");
out.push("| Query | Kencana, cache on req/s (p50 ms) | Kencana, cache off req/s (p50 ms) | PostGraphile req/s (p50 ms) | Ratio req/s K on / PG | Ratio req/s K off / PG | Failed K on / off / PG |");
out.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [q, label] of queries.slice(0, 2)) {
  const [on, off, pg] = sides.map((s) => wrk(s, q));
  const cell = (w) => (w ? `${w.rps.toFixed(0)} (${w.p50_ms.toFixed(2)})` : "-");
  const failed = (w) => (w ? `${w.failed + w.timeouts + w.connect_errors + w.read_errors + w.write_errors}` : "-");
  out.push(`| ${label.split(" ")[0]} | ${cell(on)} | ${cell(off)} | ${cell(pg)} | ${on && pg ? (on.rps / pg.rps).toFixed(2) : "-"} | ${off && pg ? (off.rps / pg.rps).toFixed(2) : "-"} | ${failed(on)} / ${failed(off)} / ${failed(pg)} |`);
}
console.log(out.join("\n"));
