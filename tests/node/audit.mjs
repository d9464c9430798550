// Runs graphql-http's GraphQL-over-HTTP conformance audit against a live server and prints the results as JSON.
// Usage: node audit.mjs http://127.0.0.1:PORT/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}
const results = await auditServer({ url });
const summary = results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.status === 'ok' ? undefined : r.reason }));
console.log(JSON.stringify(summary));
