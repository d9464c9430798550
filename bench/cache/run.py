"""Times repeated GraphQL requests; with --report, prints the cache-on against cache-off table.

Usage: python3 run.py BASE_URL LABEL > result.json  |  python3 run.py --report ON.json OFF.json
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

QUERIES = {
    "series of one regency, 120 monthly points": '{ series(indicator: "STUNTING", region: "64.74", preferredOnly: true) { points { year period value source { id } } } }',
    "aggregate mean by year over province 64": '{ aggregate(where: { indicators: ["STUNTING"], ancestorCode: "64" }, groupBy: [YEAR]) { year count mean weightedMean } }',
    "observations page of 500 with totalCount": '{ observations(where: { ancestorCode: "64" }, first: 500) { totalCount nodes { region { code } value } } }',
}


def run(base):
    # One kept-alive connection, as BI tools, dashboards and load generators (wrk, autocannon) use.
    address = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    results = {}
    for name, query in QUERIES.items():
        body = json.dumps({"query": query}).encode()
        times = []
        for i in range(230):
            started = time.perf_counter()
            connection.request("POST", "/graphql", body, {"Content-Type": "application/json"})
            answer = json.loads(connection.getresponse().read())
            if "errors" in answer:
                raise SystemExit(f"{name}: {answer['errors']}")
            if i >= 30:
                times.append((time.perf_counter() - started) * 1000)
        results[name] = {"p50": statistics.median(times), "p95": statistics.quantiles(times, n=20)[18]}
        print(f"{sys.argv[2]}: {name}: p50 {results[name]['p50']:.2f} ms", file=sys.stderr)
    print(json.dumps(results))


def report(on_file, off_file):
    on, off = json.load(open(on_file)), json.load(open(off_file))
    print("| repeated request (200 timed after 30 warm-up) | cache on p50 / p95 ms | cache off p50 / p95 ms | ratio p50 |")
    print("|---|---:|---:|---:|")
    for name in QUERIES:
        a, b = on[name], off[name]
        print(f"| {name} | {a['p50']:.2f} / {a['p95']:.2f} | {b['p50']:.2f} / {b['p95']:.2f} | {a['p50'] / b['p50']:.3f}x |")


if sys.argv[1] == "--report":
    report(sys.argv[2], sys.argv[3])
else:
    run(sys.argv[1])
