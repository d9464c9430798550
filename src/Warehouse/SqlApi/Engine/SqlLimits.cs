using System.Globalization;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// The limits every statement of the SQL API runs under, with the names of the settings that set them, so that an
/// error names the limit a client hit and where an operator changes it.
/// </summary>
/// <param name="StatementTimeout">The longest a statement may run, from Execute until its result is disposed.</param>
/// <param name="MaxRows">The most rows one result may produce.</param>
/// <param name="MemoryLimit">The most memory DuckDB's buffers may take for every session of a snapshot together, in DuckDB's notation (<c>1GiB</c>); null for DuckDB's default.</param>
/// <param name="Threads">How many threads DuckDB runs a statement on; null for one per core.</param>
/// <param name="SettingPrefix">The configuration section the settings are read from, for the messages (<c>SqlApi</c>).</param>
public sealed record SqlLimits(TimeSpan StatementTimeout, long MaxRows, string? MemoryLimit, int? Threads, string SettingPrefix = "SqlApi")
{
    /// <summary>The setting of <see cref="StatementTimeout"/> and its value, for example <c>SqlApi:StatementTimeout = 00:01:00</c>.</summary>
    public string StatementTimeoutSetting => $"{SettingPrefix}:StatementTimeout = {StatementTimeout.ToString("c", CultureInfo.InvariantCulture)}";

    /// <summary>The setting of <see cref="MaxRows"/> and its value.</summary>
    public string MaxRowsSetting => $"{SettingPrefix}:MaxRows = {MaxRows.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The setting of <see cref="MemoryLimit"/> and its value.</summary>
    public string MemoryLimitSetting => $"{SettingPrefix}:MemoryLimit = {MemoryLimit ?? "DuckDB's default (80% of the machine's memory)"}";

    /// <summary>Checks the limits, naming the setting that is wrong.</summary>
    /// <exception cref="ArgumentException">A limit is out of range or the memory limit is not a size.</exception>
    public void Validate()
    {
        if (StatementTimeout <= TimeSpan.Zero || StatementTimeout > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"{SettingPrefix}:StatementTimeout must be more than zero and at most a day, such as 00:01:00 (got {StatementTimeout}).");
        }
        if (MaxRows < 1)
        {
            throw new ArgumentException($"{SettingPrefix}:MaxRows must be at least 1 (got {MaxRows}).");
        }
        if (MemoryLimit is not null && !Storage.WarehouseDatabase.IsMemoryLimit(MemoryLimit))
        {
            throw new ArgumentException($"{SettingPrefix}:MemoryLimit must be a size such as 1GiB, 512MB or 2GB, or empty for DuckDB's default (got '{MemoryLimit}').");
        }
        if (Threads is < 1 or > 1024)
        {
            throw new ArgumentException($"{SettingPrefix}:Threads must be from 1 to 1024, or empty for one per core (got {Threads}).");
        }
    }
}
