namespace Kencana.Server.GraphQL.Transport;

/// <summary>
/// A self-contained query page served at GET /graphql to browsers: no internet or CDN needed. It posts to the same
/// endpoint as any client, so what it shows is what a client gets.
/// </summary>
internal static class PlaygroundPage
{
    public const string Html = """
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
