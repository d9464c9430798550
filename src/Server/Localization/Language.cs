namespace Kencana.Server.Localization;

/// <summary>The languages the planner's path speaks: Indonesian first, since the planners are Indonesian.</summary>
public enum Language
{
    /// <summary>Bahasa Indonesia, the default.</summary>
    Indonesian,
    /// <summary>English.</summary>
    English,
}

/// <summary>The <c>lang</c> codes of <see cref="Language"/>.</summary>
public static class Languages
{
    /// <summary>The ISO 639-1 code: <c>id</c> or <c>en</c>.</summary>
    public static string Code(this Language language) => language == Language.English ? "en" : "id";

    /// <summary>Parses <c>id</c> or <c>en</c> (case-insensitive, a region suffix such as <c>id-ID</c> allowed); false otherwise.</summary>
    public static bool TryParse(string? code, out Language language)
    {
        var primary = code?.Split('-', 2)[0].Trim();
        if (string.Equals(primary, "id", StringComparison.OrdinalIgnoreCase) || string.Equals(primary, "in", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.Indonesian;
            return true;
        }
        if (string.Equals(primary, "en", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.English;
            return true;
        }
        language = Language.Indonesian;
        return false;
    }
}
