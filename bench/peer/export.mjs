// Writes the observations and regions of a Kencana warehouse to two CSV files for PostgreSQL's COPY, with DuckDB
// itself (the @duckdb/node-api package), opening the file read-only:
//   node export.mjs <warehouse.duckdb> <out-dir>
// Prints the row counts as JSON. Used by bench/peer/run.sh.
import { DuckDBInstance } from "@duckdb/node-api";
import path from "node:path";

const [warehouse, outDir] = process.argv.slice(2);
if (!warehouse || !outDir) {
  console.error("usage: node export.mjs <warehouse.duckdb> <out-dir>");
  process.exit(2);
}
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";
const instance = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
const connection = await instance.connect();
const observations = path.join(outDir, "observations.csv");
const regions = path.join(outDir, "regions.csv");
// province_code: the first part of a dotted code ("64" for "64.74"), null for the nation and the provinces themselves,
// so that a condition on it selects what Kencana's ancestorCode selects (the code range ["64.", "64/")).
await connection.run(`COPY (
    SELECT indicator_code, region_code,
           CASE WHEN contains(region_code, '.') THEN split_part(region_code, '.', 1) END AS province_code,
           year, period::VARCHAR AS period, value, numerator, denominator, source_id,
           is_preferred, is_default, is_synthetic, data_version
    FROM observations ORDER BY indicator_code, region_code, year, period)
  TO ${quote(observations)} (FORMAT csv, HEADER true)`);
await connection.run(`COPY (
    SELECT code, name, level::VARCHAR AS level, parent_code,
           CASE WHEN contains(code, '.') THEN split_part(code, '.', 1) END AS province_code
    FROM regions ORDER BY code)
  TO ${quote(regions)} (FORMAT csv, HEADER true)`);
const count = async (sql) => Number((await (await connection.runAndReadAll(sql)).getRows())[0][0]);
console.log(JSON.stringify({
  observations: await count("SELECT count(*) FROM observations"),
  regions: await count("SELECT count(*) FROM regions"),
  observationsCsv: observations,
  regionsCsv: regions,
}));
connection.closeSync?.();
