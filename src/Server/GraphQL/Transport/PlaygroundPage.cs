namespace Kencana.Server.GraphQL.Transport;

/// <summary>
/// The pages served at GET /graphql to browsers. GraphiQL when the build installed it (its files come from this
/// server, never a CDN), else a plain query page; both post to the same endpoint as any client and open with
/// worked examples for a researcher, a planner and a BI engineer.
/// </summary>
internal static class PlaygroundPage
{
    public static string Html(string endpoint) => PlaygroundEndpoints.IsInstalled ? GraphiQL(endpoint) : Plain;

    /// <summary>The example tabs: what each kind of user asks first.</summary>
    private static readonly (string Title, string Query)[] Examples =
    [
        ("Researcher: a series with its sources", """
            # Unmet need in Kota Bontang: every value with its source, and the targets.
            query BontangUnmetNeed {
              series(indicator: "UNMET_NEED", region: "64.74") {
                indicator { code name unit direction }
                region { code name parent { name } }
                points { year period value isPreferred source { id title publisher } }
                targets { year value plan }
              }
            }
            """),
        ("Planner: who met their targets?", """
            # Which kabupaten/kota of Kalimantan Timur met all their targets in 2022,
            # and how does each rank on stunting against the target that applies to it?
            query KaltimTargets2022 {
              regions(parentCode: "64") {
                name
                scorecard(year: 2022) { allTargetsMet targetsMet targetsAssessed }
              }
              achievement(indicator: "STUNTING", year: 2022, parentCode: "64") {
                rows { rank region { name } value { value source { id } } target { value plan } gap achieved }
                regionsWithoutValue { name }
              }
            }
            """),
        ("Researcher: where sources disagree", """
            # Kutai Barat's 2024 stunting: SSGI 2024 (S28) says 21.0, a DP3A list (S29) says 27.6.
            query KutaiBaratSources {
              series(indicator: "STUNTING", region: "64.07") {
                points { year value isPreferred survey note source { id publisher priority } }
              }
            }
            """),
        ("BI engineer: a cube and a page", """
            # Statistics by year over Kalimantan Timur's kabupaten/kota, then a page of raw rows.
            query KaltimCube {
              aggregate(where: { indicators: ["STUNTING"], ancestorCode: "64" }, groupBy: [YEAR]) {
                year count min max mean median p25 p75 weightedMean isSynthetic sources { id }
              }
              observations(where: { ancestorCode: "64", preferredOnly: true }, first: 5) {
                totalCount
                pageInfo { hasNextPage endCursor }
                nodes { indicator { code } region { code } year period value source { id } }
              }
              dataVersion { number loadedAt }
            }
            """),
    ];

    // The examples are constants of this file, so the relaxed encoder cannot carry markup into the script.
    private static readonly System.Text.Json.JsonSerializerOptions TabJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string GraphiQL(string endpoint)
    {
        var tabs = System.Text.Json.JsonSerializer.Serialize(Examples.Select(e => new { query = e.Query }), TabJson);
        var assets = endpoint + "/playground/";
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Kencana Analytics · GraphiQL</title>
            <link rel="stylesheet" href="{{assets}}graphiql.min.css">
            <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
            </head>
            <body>
            <div id="graphiql">Loading the playground…</div>
            <script src="{{assets}}react.production.min.js"></script>
            <script src="{{assets}}react-dom.production.min.js"></script>
            <script src="{{assets}}graphiql.min.js"></script>
            <script>
              const fetcher = GraphiQL.createFetcher({ url: '{{endpoint}}', headers: { Accept: 'application/graphql-response+json' } });
              const root = ReactDOM.createRoot(document.getElementById('graphiql'));
              root.render(React.createElement(GraphiQL, {
                fetcher,
                defaultTabs: {{tabs}},
                defaultEditorToolsVisibility: false,
                shouldPersistHeaders: false,
              }));
            </script>
            </body>
            </html>
            """;
    }

    private const string Plain = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Kencana Analytics · GraphQL</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 0; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
          header { padding: 8px 12px; background: #0b5d3b; color: #fff; display: flex; gap: 12px; align-items: center; }
          header h1 { font-size: 16px; margin: 0 12px 0 0; }
          main { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; padding: 8px; min-height: 0; }
          section { display: flex; flex-direction: column; min-height: 0; }
          textarea, pre { font: 13px ui-monospace, monospace; flex: 1; margin: 0; padding: 8px; border: 1px solid #ccc; border-radius: 4px; overflow: auto; }
          #variables { flex: 0 0 80px; margin-top: 6px; }
          button { padding: 6px 16px; font-weight: 600; }
          label { font-size: 12px; color: #555; margin: 4px 0 2px; }
        </style>
        </head>
        <body>
        <header>
          <h1>Kencana Analytics</h1>
          <label for="examples" style="color:#fff">Example</label>
          <select id="examples">
            <option value="series">Researcher: unmet need in Kota Bontang, with sources and targets</option>
            <option value="regions">Planner: the kabupaten/kota of Kalimantan Timur</option>
            <option value="conflict">Researcher: conflicting 2024 stunting values for Kutai Barat</option>
            <option value="rollup">BI: a roll-up with its rule and missing children</option>
            <option value="catalogue">Catalogue: indicators and data version</option>
          </select>
          <button id="run" title="Ctrl+Enter">Run ▶</button>
        </header>
        <main>
          <section>
            <label for="query">Query</label>
            <textarea id="query" spellcheck="false"></textarea>
            <label for="variables">Variables (JSON)</label>
            <textarea id="variables" spellcheck="false">{}</textarea>
          </section>
          <section>
            <label for="result">Result</label>
            <pre id="result" aria-live="polite"></pre>
          </section>
        </main>
        <script>
        const examples = {
          series: `{
          series(indicator: "UNMET_NEED", region: "64.74") {
            indicator { code name unit direction }
            region { code name }
            points { year period value isPreferred source { id title publisher } }
            targets { year period value plan }
          }
        }`,
          regions: `{
          region(code: "64") {
            name
            population { total }
            children { code name level bpsCode population { total } }
          }
        }`,
          conflict: `{
          series(indicator: "STUNTING", region: "64.07") {
            points { year value isPreferred survey note source { id publisher priority } }
          }
        }`,
          rollup: `{
          rollup(indicator: "STUNTING", parentCode: "64", year: 2022) {
            rule value refusalReason expectedChildren contributingChildren
            missingChildren childrenWithoutDenominator
            published { value source { id } }
          }
        }`,
          catalogue: `{
          dataVersion { number loadedAt kind description }
          indicators { code name nameId unit direction rollupRule validRange { min max } }
        }`
        };
        const query = document.getElementById('query');
        const variables = document.getElementById('variables');
        const result = document.getElementById('result');
        const pick = document.getElementById('examples');
        pick.onchange = () => { query.value = examples[pick.value]; };
        query.value = examples.series;
        async function run() {
          result.textContent = 'Running…';
          let vars;
          try { vars = JSON.parse(variables.value || '{}'); } catch (e) { result.textContent = 'Variables are not JSON: ' + e.message; return; }
          const response = await fetch(location.pathname, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json' },
            body: JSON.stringify({ query: query.value, variables: vars })
          });
          result.textContent = JSON.stringify(await response.json(), null, 2);
        }
        document.getElementById('run').onclick = run;
        document.addEventListener('keydown', e => { if (e.ctrlKey && e.key === 'Enter') run(); });
        </script>
        </body>
        </html>
        """;
}
