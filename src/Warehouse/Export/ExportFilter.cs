using System.Globalization;
using System.Text;
using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Export;

/// <summary>The validated, normalised filters of an export: codes upper-cased, de-duplicated and sorted.</summary>
/// <remarks>Two requests that mean the same thing have the same <see cref="ToQueryString"/>, which is what ETags and
/// Flight tickets are made of.</remarks>
public sealed record ExportFilter
{
    /// <summary>No filter at all.</summary>
    public static ExportFilter None { get; } = new();

    /// <summary>Only these indicators; empty for all.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    /// <summary>Only these regions (exactly); empty for all.</summary>
    public IReadOnlyList<RegionCode> Regions { get; init; } = [];

    /// <summary>Only direct children of these regions (for roll-ups: only these parents); empty for all.</summary>
    public IReadOnlyList<RegionCode> Parents { get; init; } = [];

    /// <summary>Only regions anywhere below these (not these themselves); empty for all.</summary>
    public IReadOnlyList<RegionCode> Ancestors { get; init; } = [];

    /// <summary>Only regions of these levels; empty for all.</summary>
    public IReadOnlyList<RegionLevel> Levels { get; init; } = [];

    /// <summary>The first year, when limited.</summary>
    public int? FromYear { get; init; }

    /// <summary>The last year, when limited.</summary>
    public int? ToYear { get; init; }

    /// <summary>The year a forecast runs to and an outlook judges, when given.</summary>
    public int? TargetYear { get; init; }

    /// <summary>Only periods of this granularity, when given.</summary>
    public Granularity? Granularity { get; init; }

    /// <summary>Only the default value of each indicator, region and period.</summary>
    public bool PreferredOnly { get; init; }

    /// <summary>The caller asked for everything on purpose.</summary>
    public bool All { get; init; }

    /// <summary>True when neither an indicator nor any region filter narrows the export.</summary>
    public bool IsUnbounded => Indicators.Count == 0 && Regions.Count == 0 && Parents.Count == 0 && Ancestors.Count == 0;

    /// <summary>The filters as a canonical query string (fixed order, no defaults), for example <c>indicator=STUNTING&amp;level=province</c>.</summary>
    public string ToQueryString()
    {
        var text = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(text.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
        Add(ExportParameter.Indicator, string.Join(',', Indicators));
        Add(ExportParameter.Region, string.Join(',', Regions));
        Add(ExportParameter.Parent, string.Join(',', Parents));
        Add(ExportParameter.Ancestor, string.Join(',', Ancestors));
        Add(ExportParameter.Level, string.Join(',', Levels.Select(l => l.ToStorageName())));
        Add(ExportParameter.FromYear, FromYear?.ToString(CultureInfo.InvariantCulture));
        Add(ExportParameter.ToYear, ToYear?.ToString(CultureInfo.InvariantCulture));
        Add(ExportParameter.TargetYear, TargetYear?.ToString(CultureInfo.InvariantCulture));
        Add(ExportParameter.Granularity, Granularity?.ToString().ToLowerInvariant());
        Add(ExportParameter.PreferredOnly, PreferredOnly ? "true" : null);
        Add(ExportParameter.All, All ? "true" : null);
        return text.ToString();
    }
}
