namespace Kencana.Server.Localization;

/// <summary>
/// Picks the language of an answer: the <c>lang</c> query parameter when given, else (for spreadsheets and problems)
/// the first language of <c>Accept-Language</c>, by quality, that the texts have, else Indonesian.
/// </summary>
public static class LanguageNegotiation
{
    /// <summary>The query parameter that chooses the language.</summary>
    public const string Parameter = "lang";

    /// <summary>The language of the request; null when <c>lang</c> names one the texts do not have (a caller's mistake to report).</summary>
    public static Language? Choose(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.ContainsKey(Parameter))
        {
            return ChooseByParameter(request);
        }
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var candidate in accepted)
        {
            if (Languages.TryParse(candidate.Value.Value, out var language))
            {
                return language;
            }
        }
        return Language.Indonesian;
    }

    /// <summary>
    /// The language <c>lang</c> asks for, else Indonesian whatever the browser says (the planner page and chart images): what a planner prints goes
    /// into an Indonesian report even from an office computer whose browser is set to English.
    /// </summary>
    public static Language? ChooseByParameter(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Query.TryGetValue(Parameter, out var values))
        {
            return Language.Indonesian;
        }
        // Two lang parameters are as unclear as an unknown one.
        return values.Count == 1 && Languages.TryParse(values[0], out var chosen) ? chosen : null;
    }

    /// <summary>The problem for a <c>lang</c> value the texts do not have.</summary>
    public static IResult UnknownLanguage(HttpContext http, PlannerTexts texts)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(texts);
        var detail = texts.Get("problem.lang", Language.English) + " / " + texts.Get("problem.lang", Language.Indonesian);
        return TypedResults.Problem(detail, http.Request.Path + http.Request.QueryString, StatusCodes.Status400BadRequest,
            "Unknown language", "urn:kencana:problem:unknown-language", new Dictionary<string, object?> { ["parameter"] = Parameter });
    }
}
