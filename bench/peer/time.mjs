// One request at a time over one kept-alive connection: W untimed requests, then N timed ones (or as many as fit in
// the time cap), each timed until the whole answer is read.
//   node time.mjs <url> <json-body-file> <warmup> <requests> <max-seconds>
// Prints JSON: n, p50, p95, mean (ms), bytes, the X-Kencana-Cache header of the last answer, and the first answer's
// data (for the equality checks). Exits 1 if an answer is not 200 or carries GraphQL errors.
import http from "node:http";
import { readFileSync } from "node:fs";

const [url, bodyFile, warmupArg, requestsArg, maxSecondsArg] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const warmup = Number(warmupArg), requests = Number(requestsArg), maxSeconds = Number(maxSecondsArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const target = new URL(url);
if (target.hostname !== "127.0.0.1") { console.error("only 127.0.0.1"); process.exit(2); }

function post() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({
      host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent,
      headers: { "Content-Type": "application/json", Accept: "application/json", "Content-Length": body.length },
      timeout: 120_000,
    }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({ ms, status: res.statusCode, text: Buffer.concat(chunks).toString("utf8"), cache: res.headers["x-kencana-cache"] ?? null });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out after 120 s")));
    req.on("error", reject);
    req.end(body);
  });
}
const check = (r) => {
  if (r.status !== 200 || r.text.includes('"errors"')) {
    console.error(`bad answer (${r.status}): ${r.text.slice(0, 500)}`);
    process.exit(1);
  }
};
const deadline = Date.now() + maxSeconds * 1000;
const first = await post();
check(first);
// The warm-up takes at most half the time allowed, so that a slow query still gets timed requests.
const warmDeadline = Date.now() + (maxSeconds * 1000) / 2;
for (let i = 1; i < warmup && Date.now() < warmDeadline; i++) check(await post());
const times = [];
let last = first;
for (let i = 0; i < requests && Date.now() < deadline; i++) {
  last = await post();
  check(last);
  times.push(last.ms);
}
times.sort((a, b) => a - b);
const rank = (p) => times[Math.max(0, Math.ceil((p / 100) * times.length) - 1)];
console.log(JSON.stringify({
  n: times.length,
  p50: rank(50), p95: rank(95), mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
  bytes: Buffer.byteLength(first.text), cache: last.cache,
  data: JSON.parse(first.text).data,
}));
agent.destroy();
