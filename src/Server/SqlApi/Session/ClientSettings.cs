using System.Globalization;
using Kencana.Server.SqlApi.Protocol;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Session;

/// <summary>
/// The settings a client may SET, RESET and SHOW: they change how this connection talks, never the engine, which
/// never sees them. Anything else is an engine setting and refused with 42501.
/// </summary>
internal sealed class ClientSettings
{
    /// <summary>One setting: its name as SHOW writes it, its default, whether a change is reported (ParameterStatus), and its check.</summary>
    private sealed record Setting(string Name, string Default, bool Reported, Func<string, string>? Accept);

    private static readonly string[] IsolationLevels = ["read uncommitted", "read committed", "repeatable read", "serializable"];

    private readonly Dictionary<string, Setting> _known;
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="user">The logged-in user, for session_authorization.</param>
    /// <param name="serverVersion">server_version.</param>
    /// <param name="maxConnections">max_connections, as SHOW tells it.</param>
    /// <param name="statementLimit">The server's own time limit per statement: statement_timeout may only be lower.</param>
    public ClientSettings(string user, string serverVersion, int maxConnections, TimeSpan statementLimit)
    {
        var limitMs = (long)statementLimit.TotalMilliseconds;
        Setting[] settings =
        [
            new("client_encoding", "UTF8", true, AcceptEncoding),
            new("DateStyle", "ISO, MDY", true, AcceptDateStyle),
            new("IntervalStyle", "postgres", true, v => Only(v, "IntervalStyle", "postgres")),
            new("TimeZone", "UTC", true, AcceptTimeZone),
            new("extra_float_digits", "1", false, v => IntegerIn(v, "extra_float_digits", -15, 3)),
            new("application_name", "", true, v => v.Length > 63 ? v[..63] : v),
            new("search_path", "\"$user\", public", false, v => v),
            new("statement_timeout", "0", false, v => LowerThan(Milliseconds(v, "statement_timeout"), limitMs).ToString(CultureInfo.InvariantCulture)),
            new("lock_timeout", "0", false, v => Milliseconds(v, "lock_timeout").ToString(CultureInfo.InvariantCulture)),
            new("client_min_messages", "notice", false, v => OneOf(v, "client_min_messages", "debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error")),
            new("bytea_output", "hex", false, v => Only(v, "bytea_output", "hex")),
            new("standard_conforming_strings", "on", true, v => Only(v, "standard_conforming_strings", "on")),
            new("escape_string_warning", "on", false, v => OneOf(v, "escape_string_warning", "on", "off")),
            new("default_transaction_read_only", "on", true, v => Only(v, "default_transaction_read_only", "on")),
            new("transaction_read_only", "on", false, v => Only(v, "transaction_read_only", "on")),
            new("default_transaction_isolation", "repeatable read", false, v => OneOf(v, "default_transaction_isolation", IsolationLevels)),
            new("transaction_isolation", "repeatable read", false, v => OneOf(v, "transaction_isolation", IsolationLevels)),
            // Read-only: reported or shown as a PostgreSQL 15 server would, changed by nobody.
            new("server_version", serverVersion, true, null),
            new("server_version_num", "150000", false, null),
            new("server_encoding", "UTF8", true, null),
            new("integer_datetimes", "on", true, null),
            new("is_superuser", "off", true, null),
            new("session_authorization", user, true, null),
            new("in_hot_standby", "off", true, null),
            new("max_identifier_length", "63", false, null),
            new("max_connections", maxConnections.ToString(CultureInfo.InvariantCulture), false, null),
            new("block_size", "8192", false, null),
            new("lc_collate", "C", false, null),
            new("lc_ctype", "C", false, null),
        ];
        _known = settings.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The names a client may change, for the refusal of any other.</summary>
    public string Changeable => string.Join(", ", _known.Values.Where(s => s.Accept is not null).Select(s => s.Name));

    /// <summary>The settings a server reports in ParameterStatus at start-up, with their values.</summary>
    public IEnumerable<(string Name, string Value)> Reported => _known.Values.Where(s => s.Reported).Select(s => (s.Name, Get(s.Name)!));

    public IEnumerable<(string Name, string Value)> All => _known.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => (s.Name, Get(s.Name)!));

    /// <summary>The current value, or null for a name no setting has.</summary>
    public string? Get(string name) => _known.TryGetValue(Alias(name), out var setting) ? _values.GetValueOrDefault(setting.Name, setting.Default) : null;

    /// <summary>Sets a client setting; returns its name and whether clients are told of the change (ParameterStatus).</summary>
    /// <exception cref="SqlApiException">42501 for an engine setting, 55P02 for a read-only one, 22023 for a value it does not take.</exception>
    public (string Name, bool Reported) Set(string name, string value)
    {
        var setting = Find(name);
        if (setting.Accept is null)
        {
            throw new SqlApiException(PgStates.CantChangeRuntimeParam, $"parameter \"{setting.Name}\" cannot be changed");
        }
        _values[setting.Name] = setting.Accept(value);
        return (setting.Name, setting.Reported);
    }

    public (string Name, bool Reported) Reset(string name)
    {
        var setting = Find(name);
        _values.Remove(setting.Name);
        return (setting.Name, setting.Reported);
    }

    /// <summary>RESET ALL and DISCARD ALL; returns the reported settings whose value changed.</summary>
    public List<string> ResetAll()
    {
        var changed = _values.Keys.Where(n => _known[n].Reported && _values[n] != _known[n].Default).ToList();
        _values.Clear();
        return changed;
    }

    /// <summary>How values are written as text under the current settings.</summary>
    public ValueFormat Format => new(
        int.Parse(Get("extra_float_digits")!, CultureInfo.InvariantCulture),
        Get("TimeZone") is "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(Get("TimeZone")!));

    /// <summary>statement_timeout, or null when off.</summary>
    public TimeSpan? StatementTimeout => long.Parse(Get("statement_timeout")!, CultureInfo.InvariantCulture) is > 0 and var ms ? TimeSpan.FromMilliseconds(ms) : null;

    private Setting Find(string name) =>
        _known.TryGetValue(Alias(name), out var setting)
            ? setting
            : throw new SqlApiException(SqlStates.InsufficientPrivilege, $"setting \"{name}\" is not a client setting: the SQL API lets clients change only {Changeable}",
                "Engine settings (memory, threads, file or network access, extensions) are fixed by the server.");

    private static string Alias(string name) => name.ToLowerInvariant() switch
    {
        "time zone" or "timezone" => "TimeZone",
        "names" => "client_encoding",
        "transaction isolation level" => "transaction_isolation",
        _ => name,
    };

    private static string AcceptEncoding(string value) => value.Trim().ToUpperInvariant() switch
    {
        "UTF8" or "UTF-8" or "UNICODE" => "UTF8",
        // No conversion at all, which is what the API does: libpq picks it under the C locale.
        "SQL_ASCII" => "SQL_ASCII",
        _ => throw Invalid("client_encoding", value, "the SQL API speaks UTF8 only; convert on the client (psqlODBC: use the Unicode driver)"),
    };

    private static string AcceptDateStyle(string value)
    {
        string? order = null;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.ToUpperInvariant())
            {
                case "ISO":
                    break;
                case "MDY" or "US" or "NONEUROPEAN" or "NONEURO":
                    order = "MDY";
                    break;
                case "DMY" or "EUROPEAN" or "EURO":
                    order = "DMY";
                    break;
                case "YMD":
                    order = "YMD";
                    break;
                default:
                    throw Invalid("DateStyle", value, "dates are written in ISO form only (yyyy-mm-dd); use ISO with MDY, DMY or YMD");
            }
        }
        return $"ISO, {order ?? "MDY"}";
    }

    private static string AcceptTimeZone(string value)
    {
        var zone = value.Trim();
        if (zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zone.Equals("GMT", StringComparison.OrdinalIgnoreCase) || zone.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase) || zone.Equals("Z", StringComparison.OrdinalIgnoreCase) || zone == "0")
        {
            return "UTC";
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone).Id;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Invalid("TimeZone", value, "use a time zone name such as UTC or Asia/Jakarta");
        }
    }

    private static string Only(string value, string name, string allowed) =>
        value.Trim().Equals(allowed, StringComparison.OrdinalIgnoreCase) || (allowed == "on" && value.Trim().ToLowerInvariant() is "true" or "1" or "yes")
            ? allowed
            : throw Invalid(name, value, $"the SQL API serves {name} = {allowed} only");

    private static string OneOf(string value, string name, params string[] allowed)
    {
        var normal = string.Join(' ', value.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return allowed.Contains(normal) ? normal : throw Invalid(name, value, $"use one of {string.Join(", ", allowed)}");
    }

    private static string IntegerIn(string value, string name, int min, int max) =>
        int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw Invalid(name, value, $"use a whole number from {min} to {max}");

    /// <summary>A time setting in milliseconds: a bare number, or with a unit (ms, s, min, h, d) as PostgreSQL accepts.</summary>
    private static long Milliseconds(string value, string name)
    {
        var text = value.Trim().ToLowerInvariant();
        var unitAt = text.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
        if (unitAt == 0 || !double.TryParse(text[..unitAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw Invalid(name, value, "use milliseconds, or a number with ms, s, min, h or d");
        }
        var factor = text[unitAt..].Trim() switch
        {
            "" or "ms" => 1,
            "s" => 1000,
            "min" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            _ => throw Invalid(name, value, "use milliseconds, or a number with ms, s, min, h or d"),
        };
        return (long)(number * factor);
    }

    /// <summary>statement_timeout within the server's limit: 0 (none of the client's own, the server's applies) or less.</summary>
    private static long LowerThan(long milliseconds, long limit) =>
        milliseconds <= limit
            ? milliseconds
            : throw new SqlApiException(SqlStates.InsufficientPrivilege,
                $"statement_timeout {milliseconds} ms is above the server's limit of {limit} ms (SqlApi:StatementTimeout): it can only be lowered",
                "Set a lower statement_timeout, or 0 for the server's limit.");

    private static SqlApiException Invalid(string name, string value, string fix) =>
        new(PgStates.InvalidParameterValue, $"invalid value for parameter \"{name}\": \"{value}\"", fix);
}
