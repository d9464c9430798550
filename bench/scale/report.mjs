// Renders bench/scale's results as Markdown: node report.mjs <results-dir> <date> <load-start> <load-end> <revision> <peak-kib-off> <peak-kib-on> <server-threads>
import { readFileSync } from "node:fs";

const [dir, date, loadStart, loadEnd, revision, peakOff, peakOn, threads] = process.argv.slice(2);
const lines = readFileSync(`${dir}/sql.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const sql = Object.fromEntries(lines.filter((l) => "p50" in l).map((l) => [l.name, l]));
const scans = Object.fromEntries(lines.filter((l) => "scanned" in l).map((l) => [l.name, l]));
const graphql = (name) => JSON.parse(readFileSync(`${dir}/graphql-${name}.json`, "utf8"));
const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const gib = (kib) => (Number(kib) / 1048576).toFixed(2);
const described = {
  aggregate: "national `aggregate { year count mean weightedMean }` of STUNTING by year",
  series: "`series` of one village (64.74.01.1001), 120 monthly points",
  page: "`observations` page of 500 + `totalCount` under province 64",
  "province-aggregate": "`aggregate { year count mean }` over province 64 by year",
  rollup: "`rollup` of STUNTING to the nation from its 38 provinces, December 2024",
  achievement: "`achievement` of the 38 provinces on STUNTING, December 2024",
};

const out = [];
out.push("## Scale benchmark: GraphQL against plain DuckDB SQL at 87 million rows", "");
out.push(`One run on ${date}, commit ${revision}. Warehouse: \`generate --level village --years 2015-2024 --granularity month --seed 1\` (${scans.series?.table.toLocaleString("en")} synthetic rows). ` +
  `Plain SQL: the statements a hand-written client would run, through DuckDB.NET on the same file, each on a fresh connection to a kept-open instance (as the server does). ` +
  `GraphQL: the Release server on 127.0.0.1 (DuckDB threads: ${threads}), response cache off, one request at a time over a kept-alive connection. Load average (1, 5, 15 min) \`${loadStart}\` at start, \`${loadEnd}\` at end.`, "");
out.push("| Query | SQL p50 / p95 ms | GraphQL p50 / p95 ms | Ratio p50 | Rows scanned (of the table) | Runs SQL / GraphQL |");
out.push("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const name of ["aggregate", "series", "page", "province-aggregate", "rollup", "achievement"]) {
  const s = sql[name], g = graphql(name), scan = scans[name];
  out.push(`| ${described[name]} | ${f(s.p50)} / ${f(s.p95)} | ${f(g.p50)} / ${f(g.p95)} | ${(g.p50 / s.p50).toFixed(2)} | ` +
    `${scan.scanned.toLocaleString("en")} (${((100 * scan.scanned) / scan.table).toFixed(2)}%) | ${s.n} / ${g.n} |`);
}
const cached = graphql("series-cached");
out.push("", `Repeated \`series\` with the response cache on: p50 ${f(cached.p50)} ms, p95 ${f(cached.p95)} ms over ${cached.n} requests (last answer: ${cached.cache}).`);
out.push("", `Server peak resident memory (VmHWM): ${gib(peakOff)} GiB with the cache off, ${gib(peakOn)} GiB with it on.`);
out.push("", "*Rows scanned* is DuckDB's `operator_rows_scanned` of the first statement's table scans under `EXPLAIN (ANALYZE, FORMAT JSON)`: " +
  "the observations are stored in indicator, region, period order, so the zone maps of each 122,880-row group let the scan skip what cannot match. The plans are in `bench/out/scale-results/sql-plans.txt`.");
console.log(out.join("\n"));
