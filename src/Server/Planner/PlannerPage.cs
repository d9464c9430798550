using System.Net;
using System.Text.Json;
using Kencana.Server.Localization;

namespace Kencana.Server.Planner;

/// <summary>
/// The HTML of <c>/planner</c>: a shell in the chosen language with the texts embedded as JSON, so the script draws
/// every label from the one place the texts live without another request. Everything else it shows comes from the
/// GraphQL API at run time.
/// </summary>
internal static class PlannerPage
{
    public static string Html(Language language, PlannerTexts texts, string pathBase)
    {
        // The default encoder escapes <, > and &, so the JSON cannot close the script element it sits in.
        var json = JsonSerializer.Serialize(texts.All(language));
        var code = language.Code();
        var other = language == Language.English ? Language.Indonesian : Language.English;
        string T(string key) => WebUtility.HtmlEncode(texts.Get(key, language));
        var chartScript = PlannerAssets.ChartsInstalled ? $"""<script src="planner/assets/{PlannerAssets.ChartLibrary}"></script>""" : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{code}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <base href="{{WebUtility.HtmlEncode(pathBase)}}/">
              <title>{{T("page.title")}} · Kencana</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="planner/assets/planner.css">
            </head>
            <body>
              <header>
                <div class="heading">
                  <h1>{{T("page.title")}}</h1>
                  <p class="subtitle">{{T("page.subtitle")}}</p>
                </div>
                <nav class="tools">
                  <a id="switch-language" href="planner?lang={{other.Code()}}" hreflang="{{other.Code()}}">{{WebUtility.HtmlEncode(texts.Get("page.switchLanguage", language))}}</a>
                  <button type="button" id="print" class="screen-only">{{T("page.print")}}</button>
                </nav>
              </header>
              <form id="controls" class="controls" onsubmit="return false">
                <label>{{T("control.indicator")}} <select id="indicator" name="indicator"></select></label>
                <label>{{T("control.year")}} <select id="year" name="year"></select></label>
                <label>{{T("control.targetYear")}} <select id="target-year" name="targetYear"></select></label>
              </form>
              <nav id="breadcrumb" class="breadcrumb" aria-label="{{T("control.region")}}"></nav>
              <p class="hint screen-only">{{T("control.drillHint")}}</p>
              <p id="status" class="status" role="status">{{T("page.loading")}}</p>
              <noscript><p class="error">{{T("page.noScript")}}</p></noscript>
              <main>
                <section id="map-section" class="panel">
                  <h2 id="map-title"></h2>
                  <div id="map-chart" class="chart chart-map" role="img"></div>
                  <p id="map-legend" class="legend"></p>
                  <p class="attribution">{{T("map.attribution")}}</p>
                  <div class="table-wrap"><table id="map-table"></table></div>
                </section>
                <section id="ranking-section" class="panel">
                  <h2 id="ranking-title"></h2>
                  <p id="ranking-note" class="note"></p>
                  <div id="ranking-chart" class="chart chart-ranking" role="img"></div>
                  <div class="table-wrap"><table id="ranking-table"></table></div>
                </section>
                <section id="forecast-section" class="panel">
                  <h2 id="forecast-title"></h2>
                  <div id="forecast-chart" class="chart chart-forecast" role="img"></div>
                  <div id="forecast-words" class="words"></div>
                  <div class="table-wrap"><table id="forecast-table"></table></div>
                </section>
                <section id="scorecard-section" class="panel">
                  <h2 id="scorecard-title"></h2>
                  <p id="scorecard-summary" class="note"></p>
                  <div class="table-wrap"><table id="scorecard-table"></table></div>
                </section>
              </main>
              <footer><span id="data-version"></span></footer>
              <script id="planner-texts" type="application/json">{{json}}</script>
              {{chartScript}}
              <script src="planner/assets/planner.js"></script>
            </body>
            </html>
            """;
    }
}
