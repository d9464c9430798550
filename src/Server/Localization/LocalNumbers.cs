using System.Globalization;

namespace Kencana.Server.Localization;

/// <summary>
/// Numbers as each language writes them: 21,5 and 1.234 in Indonesian, 21.5 and 1,234 in English. Built by hand
/// because the server runs with invariant globalization (no ICU), where no culture but the invariant one exists.
/// </summary>
public static class LocalNumbers
{
    private static readonly NumberFormatInfo Indonesian = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        NegativeSign = "-",
    };

    /// <summary>The number format of a language.</summary>
    public static NumberFormatInfo Format(this Language language) => language == Language.English ? NumberFormatInfo.InvariantInfo : Indonesian;

    /// <summary>A value with the given decimals and thousands grouped, followed by % for a percentage.</summary>
    public static string Write(double value, int decimals, Language language, bool percent = false)
    {
        var text = value.ToString("N" + Math.Clamp(decimals, 0, 6).ToString(CultureInfo.InvariantCulture), language.Format());
        return percent ? text + "%" : text;
    }
}
