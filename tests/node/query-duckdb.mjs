// Runs one SQL query in DuckDB's own Node.js client (an in-memory database, nothing of ours loaded) and prints the
// result as JSON: each column's name and DuckDB type, and the rows with every value as DuckDB writes it as text.
// Usage: node query-duckdb.mjs SQL
import { DuckDBInstance } from '@duckdb/node-api';

const [sql] = process.argv.slice(2);
if (!sql) {
  console.error('usage: node query-duckdb.mjs SQL');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const columns = reader.columnNames().map((name, i) => ({ name, type: reader.columnTypes()[i].toString() }));
const rows = reader.getRows().map(row => row.map(value => (value === null ? null : String(value))));
console.log(JSON.stringify({ version: (await (await connection.runAndReadAll('SELECT version()')).getRows())[0][0], columns, rows }));
