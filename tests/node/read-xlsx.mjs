// Reads an .xlsx export with SheetJS, a reader we did not write, and reports each sheet's cells with their types
// (s text, n number, b boolean, d date), so that the tests see what Excel would.
// Usage: node read-xlsx.mjs FILE
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

// cellNF: report each cell's number format, so that a test sees a region code formatted as text (@).
const workbook = XLSX.read(readFileSync(process.argv[2]), { cellDates: true, cellNF: true });
const sheets = workbook.SheetNames.map((name) => {
  const sheet = workbook.Sheets[name];
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const rows = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })];
      row.push(cell ? { t: cell.t, v: cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : cell.v, z: cell.z ?? null } : null);
    }
    rows.push(row);
  }
  return { name, frozen: sheet['!freeze'] ?? null, rows };
});
console.log(JSON.stringify({ sheets }));
