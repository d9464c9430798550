using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kencana.Warehouse.Model;

/// <summary>A year and the part of it an observation covers, for example 2021 semester I.</summary>
/// <remarks>Construction checks the year range, so a <see cref="Period"/> is always one the warehouse can store.</remarks>
public readonly record struct Period : IComparable<Period>
{
    /// <summary>The earliest year the warehouse accepts.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year the warehouse accepts.</summary>
    public const int MaxYear = 2100;

    /// <summary>Creates a period, throwing when the year is outside <see cref="MinYear"/>..<see cref="MaxYear"/>.</summary>
    public Period(int year, SubPeriod sub = SubPeriod.Year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"A period's year must be between {MinYear} and {MaxYear}.");
        }
        if (!Enum.IsDefined(sub))
        {
            throw new ArgumentOutOfRangeException(nameof(sub), sub, "Unknown sub-period.");
        }
        Year = year;
        Sub = sub;
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The part of the year.</summary>
    public SubPeriod Sub { get; }

    /// <summary>How finely this period divides its year.</summary>
    public Granularity Granularity => GranularityOf(Sub);

    /// <summary>The first day the period covers.</summary>
    public DateOnly Start => new(Year, StartMonth(Sub), 1);

    /// <summary>The last day the period covers.</summary>
    public DateOnly End => Start.AddMonths(MonthCount(Sub)).AddDays(-1);

    /// <summary>The granularity of a sub-period.</summary>
    public static Granularity GranularityOf(SubPeriod sub) => sub switch
    {
        SubPeriod.Year => Granularity.Year,
        SubPeriod.S1 or SubPeriod.S2 => Granularity.Semester,
        >= SubPeriod.Q1 and <= SubPeriod.Q4 => Granularity.Quarter,
        _ => Granularity.Month,
    };

    /// <summary>
    /// Parses the sub-period column of an import: <c>YEAR</c> (also <c>Y</c>, <c>ANNUAL</c>, <c>TAHUNAN</c>),
    /// <c>S1</c>/<c>S2</c> (also <c>SEMESTER 1</c>), <c>Q1</c>..<c>Q4</c> (also <c>TW1</c>, triwulan), and months as
    /// <c>M01</c>..<c>M12</c>, <c>M1</c> or a bare month number.
    /// </summary>
    public static bool TryParseSubPeriod([NotNullWhen(true)] string? text, out SubPeriod sub)
    {
        sub = SubPeriod.Year;
        if (text is null)
        {
            return false;
        }
        var t = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_')]).ToUpperInvariant();
        if (t is "YEAR" or "Y" or "ANNUAL" or "TAHUN" or "TAHUNAN")
        {
            return true;
        }
        if (TrySplitPrefix(t, ["SEMESTER", "SMT", "S"], out var s) && s is 1 or 2)
        {
            sub = SubPeriod.S1 + (s - 1);
            return true;
        }
        if (TrySplitPrefix(t, ["TRIWULAN", "TW", "Q"], out var q) && q is >= 1 and <= 4)
        {
            sub = SubPeriod.Q1 + (q - 1);
            return true;
        }
        if (TrySplitPrefix(t, ["BULAN", "M", ""], out var m) && m is >= 1 and <= 12)
        {
            sub = SubPeriod.M01 + (m - 1);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Parses a whole period: <c>2023</c>, <c>2021-S1</c>, <c>2022-Q3</c>, <c>2024-M07</c> or <c>2024-07</c>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        var yearText = trimmed.Length >= 4 ? trimmed[..4] : trimmed;
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinYear or > MaxYear)
        {
            return false;
        }
        var rest = trimmed[4..].TrimStart('-', ' ', '/');
        if (rest.Length == 0)
        {
            period = new Period(year);
            return true;
        }
        if (TryParseSubPeriod(rest, out var sub))
        {
            period = new Period(year, sub);
            return true;
        }
        return false;
    }

    /// <summary>Parses a whole period, throwing <see cref="FormatException"/> that lists the accepted forms.</summary>
    public static Period Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period: use 2023, 2021-S1, 2022-Q3 or 2024-07.");

    /// <summary>The canonical code of a sub-period as stored: <c>YEAR</c>, <c>S1</c>, <c>Q3</c>, <c>M07</c>.</summary>
    public static string CodeOf(SubPeriod sub) => sub == SubPeriod.Year ? "YEAR" : sub.ToString();

    /// <summary>Parses a stored sub-period code.</summary>
    public static SubPeriod SubPeriodFromCode(string code) =>
        TryParseSubPeriod(code, out var sub) ? sub : throw new FormatException($"'{code}' is not a sub-period code.");

    /// <inheritdoc />
    public int CompareTo(Period other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : MonthCount(other.Sub).CompareTo(MonthCount(Sub));
    }

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Sub switch
    {
        SubPeriod.Year => Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{Year}-{Sub}",
    };

    private static int StartMonth(SubPeriod sub) => sub switch
    {
        SubPeriod.Year or SubPeriod.S1 or SubPeriod.Q1 => 1,
        SubPeriod.S2 => 7,
        SubPeriod.Q2 => 4,
        SubPeriod.Q3 => 7,
        SubPeriod.Q4 => 10,
        _ => sub - SubPeriod.M01 + 1,
    };

    private static int MonthCount(SubPeriod sub) => GranularityOf(sub) switch
    {
        Granularity.Year => 12,
        Granularity.Semester => 6,
        Granularity.Quarter => 3,
        _ => 1,
    };

    private static bool TrySplitPrefix(string text, string[] prefixes, out int number)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && text.Length > prefix.Length
                && text.Length - prefix.Length <= 2
                && int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                return true;
            }
        }
        number = 0;
        return false;
    }
}
