using System.Globalization;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Turns what a caller sent (a dataset name, a format and query parameters; or a Flight ticket) into a validated
/// <see cref="ExportRequest"/>, or refuses it with the <see cref="ExportProblem"/> that names the parameter at fault.
/// </summary>
/// <remarks>Unknown parameters are refused rather than ignored: a misspelt filter would otherwise silently export
/// far more than was meant.</remarks>
public sealed class ExportRequestParser(ExportDatasetRegistry registry, WarehouseDatabase database)
{
    /// <summary>The most values one list parameter takes; every value becomes a SQL parameter.</summary>
    public const int MaxListValues = 1000;

    private static readonly char[] ListSeparators = [','];

    /// <summary>Parses an HTTP request: <c>/api/v1/export/{dataset}.{format}?{parameters}</c>.</summary>
    /// <param name="dataset">The dataset name.</param>
    /// <param name="format">The file extension.</param>
    /// <param name="parameters">The query parameters, one pair per occurrence.</param>
    /// <exception cref="InvalidExportRequestException">The request is refused; the problem says why.</exception>
    public ExportRequest Parse(string dataset, string format, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var found = registry.Find(dataset) ?? throw Refuse(ExportProblem.UnknownDataset(dataset, registry.Datasets.Select(d => d.Name)));
        if (!ExportFormats.TryParse(format, out var exportFormat))
        {
            throw Refuse(ExportProblem.UnknownFormat(format));
        }
        return Parse(found, exportFormat, parameters);
    }

    /// <summary>Parses a Flight ticket or command: <c>{dataset}?{parameters}</c>, the query string of the HTTP API.</summary>
    /// <exception cref="InvalidExportRequestException">The ticket is refused; the problem says why.</exception>
    public ExportRequest ParseTicket(string ticket)
    {
        var dataset = FindDataset(ticket);
        var question = ticket.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? "" : ticket[(question + 1)..];
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? part : part[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(part[(equals + 1)..].Replace('+', ' '));
            return new KeyValuePair<string, string?>(key, value);
        });
        return Parse(dataset, ExportFormat.Arrow, pairs);
    }

    /// <summary>The dataset a Flight ticket or command names (the part before <c>?</c>); its parameters are not looked at.</summary>
    /// <exception cref="InvalidExportRequestException">No dataset has the name.</exception>
    public IExportDataset FindDataset(string ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var question = ticket.IndexOf('?', StringComparison.Ordinal);
        var name = (question < 0 ? ticket : ticket[..question]).Trim();
        return registry.Find(name) ?? throw Refuse(ExportProblem.UnknownDataset(name, registry.Datasets.Select(d => d.Name)));
    }

    private ExportRequest Parse(IExportDataset dataset, ExportFormat format, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var accepted = dataset.Filters.Select(f => f.Name).ToList();
        if (format == ExportFormat.Csv)
        {
            accepted.Add(ExportParameter.Dialect);
        }
        if (format == ExportFormat.Xlsx)
        {
            accepted.Add(ExportParameter.Language);
        }
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            var spelled = ExportParameter.Aliases.GetValueOrDefault(key.Trim(), key.Trim());
            var name = accepted.FirstOrDefault(a => string.Equals(a, spelled, StringComparison.OrdinalIgnoreCase))
                ?? throw Refuse(ExportProblem.UnknownParameter(key, dataset.Name, accepted));
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }
            list.Add(value ?? "");
        }

        var indicatorCatalog = new IndicatorCatalog(database).GetAll().ToDictionary(i => i.Code, StringComparer.Ordinal);
        var filter = new ExportFilter
        {
            Indicators = Indicators(values, indicatorCatalog),
            Regions = Regions(values, ExportParameter.Region),
            Parents = Regions(values, ExportParameter.Parent),
            Ancestors = Regions(values, ExportParameter.Ancestor),
            Levels = Levels(values),
            FromYear = Year(values, ExportParameter.FromYear),
            ToYear = Year(values, ExportParameter.ToYear),
            TargetYear = Year(values, ExportParameter.TargetYear),
            Granularity = Granularity(values),
            PreferredOnly = Flag(values, ExportParameter.PreferredOnly),
            All = Flag(values, ExportParameter.All),
        };
        if (filter.FromYear > filter.ToYear)
        {
            throw Refuse(ExportProblem.InvalidYears(ExportParameter.FromYear,
                $"fromYear {filter.FromYear} is after toYear {filter.ToYear}; swap them or give one only."));
        }
        CheckRegionsExist(filter);
        dataset.Validate(filter, indicatorCatalog);
        return new ExportRequest(dataset, filter, format, Dialect(values), format == ExportFormat.Xlsx ? Language(values) : null);
    }

    private static string Language(Dictionary<string, List<string>> values)
    {
        if (!values.TryGetValue(ExportParameter.Language, out var raw))
        {
            return "id";
        }
        if (raw.Count != 1)
        {
            throw Refuse(ExportProblem.InvalidValue(ExportParameter.Language, "lang is given more than once; give it once, id or en."));
        }
        var code = raw[0].Trim().ToLowerInvariant();
        return code is "id" or "en"
            ? code
            : throw Refuse(ExportProblem.InvalidValue(ExportParameter.Language, $"lang is {ProblemText.Quote(raw[0])}; use id (Bahasa Indonesia) or en (English)."));
    }

    private static List<string> Items(Dictionary<string, List<string>> values, string name)
    {
        if (!values.TryGetValue(name, out var raw))
        {
            return [];
        }
        var items = raw.SelectMany(v => v.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (items.Count > MaxListValues)
        {
            throw Refuse(ExportProblem.InvalidValue(name, $"{name} has {items.Count} values; the limit is {MaxListValues}. Use parent=, ancestor= or level= for many regions."));
        }
        return items.Count > 0
            ? items
            : throw Refuse(ExportProblem.InvalidValue(name, $"{name} is empty: give a value, or leave the parameter out."));
    }

    private static string? Single(Dictionary<string, List<string>> values, string name)
    {
        if (!values.TryGetValue(name, out var raw))
        {
            return null;
        }
        return raw.Count == 1
            ? raw[0].Trim()
            : throw Refuse(ExportProblem.InvalidValue(name, $"{name} is given {raw.Count} times; give it once."));
    }

    private static string[] Indicators(Dictionary<string, List<string>> values, Dictionary<string, Indicator> catalog)
    {
        var codes = Items(values, ExportParameter.Indicator).Select(c => c.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        var unknown = codes.Where(c => !catalog.ContainsKey(c)).ToList();
        return unknown.Count == 0 ? codes : throw Refuse(ExportProblem.UnknownIndicator(ExportParameter.Indicator, unknown));
    }

    private static RegionCode[] Regions(Dictionary<string, List<string>> values, string name) =>
        [.. Items(values, name).Select(text =>
        {
            if (RegionCode.TryParse(text, out var code))
            {
                return code;
            }
            var hint = RegionCode.LooksLikeBpsCode(text)
                ? " It looks like a BPS code; the export takes Kemendagri codes, which number kabupaten differently (BPS 6474 is Kemendagri 64.74)."
                : "";
            throw Refuse(ExportProblem.InvalidValue(name,
                $"{ProblemText.Quote(text)} is not a Kemendagri region code: use 0 (nation), PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD, for example 64.74.{hint}"));
        }).Distinct().Order()];

    private void CheckRegionsExist(ExportFilter filter)
    {
        var named = new[] { (ExportParameter.Region, filter.Regions), (ExportParameter.Parent, filter.Parents), (ExportParameter.Ancestor, filter.Ancestors) };
        var codes = named.SelectMany(n => n.Item2).ToList();
        if (codes.Count == 0)
        {
            return;
        }
        var known = new RegionDirectory(database).FindMany(codes);
        foreach (var (parameter, list) in named)
        {
            var unknown = list.Where(c => !known.ContainsKey(c)).Select(c => c.Value).ToList();
            if (unknown.Count > 0)
            {
                throw Refuse(ExportProblem.UnknownRegion(parameter, unknown));
            }
        }
    }

    private static RegionLevel[] Levels(Dictionary<string, List<string>> values) =>
        [.. Items(values, ExportParameter.Level).Select(ParseLevel).Distinct().Order()];

    private static RegionLevel ParseLevel(string text)
    {
        foreach (var level in Enum.GetValues<RegionLevel>())
        {
            if (string.Equals(level.ToStorageName(), text, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }
        throw Refuse(ExportProblem.InvalidValue(ExportParameter.Level,
            $"{ProblemText.Quote(text)} is not a region level: use nation, province, regency, city, district or village."));
    }

    private static int? Year(Dictionary<string, List<string>> values, string name)
    {
        var text = Single(values, name);
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= Period.MinYear and <= Period.MaxYear
            ? year
            : throw Refuse(ExportProblem.InvalidYears(name, $"{name} {ProblemText.Quote(text)} is not a year from {Period.MinYear} to {Period.MaxYear}."));
    }

    private static Granularity? Granularity(Dictionary<string, List<string>> values)
    {
        var text = Single(values, ExportParameter.Granularity);
        if (text is null)
        {
            return null;
        }
        foreach (var granularity in Enum.GetValues<Granularity>())
        {
            if (string.Equals(granularity.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return granularity;
            }
        }
        throw Refuse(ExportProblem.InvalidValue(ExportParameter.Granularity, $"{ProblemText.Quote(text)} is not a granularity: use year, semester, quarter or month."));
    }

    private static bool Flag(Dictionary<string, List<string>> values, string name) =>
        Single(values, name)?.ToLowerInvariant() switch
        {
            null or "false" or "0" => false,
            "" or "true" or "1" => true,
            var text => throw Refuse(ExportProblem.InvalidValue(name, $"{name} {ProblemText.Quote(text)} is not a boolean: use true or false.")),
        };

    private static CsvExportDialect Dialect(Dictionary<string, List<string>> values)
    {
        var text = Single(values, ExportParameter.Dialect);
        if (text is null)
        {
            return CsvExportDialect.Rfc4180;
        }
        return CsvExportDialects.TryParse(text, out var dialect)
            ? dialect
            : throw Refuse(ExportProblem.InvalidValue(ExportParameter.Dialect,
                $"{ProblemText.Quote(text)} is not a CSV dialect: use rfc4180 (the default: commas, decimal points) or excel-id (semicolons, decimal commas, for Excel in an Indonesian locale)."));
    }

    private static InvalidExportRequestException Refuse(ExportProblem problem) => new(problem);
}
