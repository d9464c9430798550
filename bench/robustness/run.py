"""Times hostile and heavy GraphQL requests against a trivial one in the same run; prints a Markdown report.

Usage: python3 run.py BASE_URL INTROSPECTION_QUERY_FILE
"""
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request

BASE, INTROSPECTION_FILE = sys.argv[1], sys.argv[2]
ENDPOINT = BASE + "/graphql"


def post(body):
    data = json.dumps(body).encode()
    request = urllib.request.Request(ENDPOINT, data=data, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            text = response.read()
    except urllib.error.HTTPError as error:
        text = error.read()
    return (time.perf_counter() - started) * 1000, json.loads(text)


def first_code(answer):
    if isinstance(answer, list):
        codes = [first_code(a) for a in answer]
        return ",".join(sorted(set(codes)))
    errors = answer.get("errors") or []
    return errors[0].get("extensions", {}).get("code", "?") if errors else "ok"


def fragment_bomb(levels=40):
    lines = ["query Bomb { ...F0 }"]
    lines += [f"fragment F{i} on Query {{ a{i}: indicators {{ code }} ...F{i + 1} ...F{i + 1} }}" for i in range(levels)]
    lines.append(f"fragment F{levels} on Query {{ indicators {{ code }} }}")
    return "\n".join(lines)


TRIVIAL = {"query": "{ __typename }"}
CASES = [
    ("standard introspection (graphql-js, every option)", {"query": open(INTROSPECTION_FILE).read()}),
    ("fragment bomb: 40 levels, 2^40 fields expanded (1.9 KB)", {"query": fragment_bomb()}),
    ("5,000 aliases of regions(first: 1000) (250 KB)", {"query": "{ " + " ".join(f"a{i}: regions(first: 1000) {{ code }}" for i in range(5000)) + " }"}),
    ("20,000 copies of indicators { code } (400 KB; 113 s of validation before)", {"query": "{ " + " ".join(["indicators { code }"] * 20000) + " }"}),
    ("1,000 one-field fragments side by side (56 KB; 4 s before)", {"query": "query { " + " ".join(f"...F{i}" for i in range(1000)) + " }\n" + "".join(f"fragment F{i} on Query {{ indicators {{ code }} }}\n" for i in range(1000))}),
    ("depth 40", {"query": "{ region(code: \"64\") { " + "parent { " * 40 + "code" + " }" * 40 + " } }"}),
    ("batch of 20 village pages (1,000 regions each)", [{"query": "{ regions(level: VILLAGE, first: 1000) { code name parent { name } } }"}] * 20),
]


def timed(body, runs):
    times, code = [], None
    for _ in range(runs):
        elapsed, answer = post(body)
        times.append(elapsed)
        code = first_code(answer)
    return statistics.median(times), max(times), code


def main():
    for _ in range(20):
        post(TRIVIAL)
    base_p50, base_max, _ = timed(TRIVIAL, 200)
    rows = [("`{ __typename }` (baseline)", base_p50, base_max, "ok")]
    for name, body in CASES:
        print(f"timing: {name}", file=sys.stderr)
        timed(body, 2)
        p50, worst, code = timed(body, 15)
        rows.append((name, p50, worst, code))

    print("timing: the baseline while two clients send bombs and heavy batches", file=sys.stderr)
    stop = threading.Event()

    def attack():
        while not stop.is_set():
            post(CASES[1][1])
            post(CASES[6][1])

    attackers = [threading.Thread(target=attack) for _ in range(2)]
    for thread in attackers:
        thread.start()
    time.sleep(1)
    loaded_p50, loaded_max, _ = timed(TRIVIAL, 100)
    stop.set()
    for thread in attackers:
        thread.join()
    rows.append(("`{ __typename }` while 2 clients attack", loaded_p50, loaded_max, "ok"))

    print("| request | p50 ms | max ms | ratio p50 to `{ __typename }` | answer |")
    print("|---|---:|---:|---:|---|")
    for name, p50, worst, code in rows:
        print(f"| {name} | {p50:.1f} | {worst:.1f} | {p50 / base_p50:.1f}x | {code} |")


main()
