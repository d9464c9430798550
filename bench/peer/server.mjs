// PostGraphile 5 with @graphile/pg-aggregates over the benchmark's PostgreSQL, on 127.0.0.1 only:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres PORT=5100 node server.mjs
// Run from bench/out/peer/ (where the packages are installed) by bench/peer/run.sh, with Node 22.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PgAggregatesPreset } from "@graphile/pg-aggregates";

const connectionString = process.env.DATABASE_URL;
const port = Number(process.env.PORT || 5100);
if (!connectionString) {
  console.error("set DATABASE_URL");
  process.exit(2);
}
const preset = {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  pgServices: [makePgService({ connectionString, schemas: ["public"] })],
  grafserv: { graphiql: false, watch: false, maxRequestLength: 1_000_000 },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 60_000;
server.on("error", (e) => { console.error(e); process.exit(1); });
await serv.addTo(server);
server.listen(port, "127.0.0.1", () => console.error(`PostGraphile on http://127.0.0.1:${port}/graphql`));
const stop = async () => { server.close(); await pgl.release(); process.exit(0); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
