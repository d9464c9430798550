// Reads an Arrow IPC stream (or file) with the apache-arrow package, an Arrow implementation we did not write, and
// prints what it found as JSON: schema fields (name, type, nullability, metadata), row and batch counts, and a few
// rows. Usage: node read-arrow.mjs FILE [ROWS] [COLUMN=VALUE]
// With COLUMN=VALUE, the rows printed are the first ones whose COLUMN equals VALUE.
import { readFileSync } from 'node:fs';
import { tableFromIPC, DataType } from 'apache-arrow';

const [file, rowsArg = '5', where] = process.argv.slice(2);
if (!file) {
  console.error('usage: node read-arrow.mjs FILE [ROWS] [COLUMN=VALUE]');
  process.exit(2);
}
const table = tableFromIPC(readFileSync(file));
const fields = table.schema.fields;

function plain(value, type) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (DataType.isDate(type)) return new Date(value instanceof Date ? value.getTime() : Number(value)).toISOString().slice(0, 10);
  return value;
}

const [whereColumn, whereValue] = where ? [where.slice(0, where.indexOf('=')), where.slice(where.indexOf('=') + 1)] : [];
const rows = [];
for (let i = 0; i < table.numRows && rows.length < Number(rowsArg); i++) {
  const row = table.get(i);
  if (whereColumn !== undefined && String(plain(row[whereColumn], table.schema.fields.find(f => f.name === whereColumn).type)) !== whereValue) continue;
  rows.push(Object.fromEntries(fields.map(f => [f.name, plain(row[f.name], f.type)])));
}

console.log(JSON.stringify({
  fields: fields.map(f => ({ name: f.name, type: String(f.type), nullable: f.nullable, metadata: Object.fromEntries(f.metadata) })),
  schemaMetadata: Object.fromEntries(table.schema.metadata),
  numRows: table.numRows,
  batches: table.batches.length,
  rows,
}));
