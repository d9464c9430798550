namespace Kencana.Forecasting.Input;

/// <summary>Survey names as the forecaster compares them.</summary>
internal static class SurveyName
{
    /// <summary>The survey's family without its year: <c>SSGI 2022</c> and <c>SSGI 2021</c> are both <c>SSGI</c>,
    /// one design repeated; <c>Riskesdas 2018</c> is another. Null when unknown.</summary>
    public static string? Family(string? survey)
    {
        if (string.IsNullOrWhiteSpace(survey))
        {
            return null;
        }
        var words = survey.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !(w.Length == 4 && w.All(char.IsAsciiDigit))).ToArray();
        return kept.Length == 0 ? null : string.Join(' ', kept);
    }

    /// <summary>True when both surveys are known and of different families.</summary>
    public static bool Differ(string? a, string? b) =>
        Family(a) is { } x && Family(b) is { } y && !string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
}
