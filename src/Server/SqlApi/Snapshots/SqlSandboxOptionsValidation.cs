using Microsoft.Extensions.Options;

namespace Kencana.Server.SqlApi.Snapshots;

/// <summary>Checks <see cref="SqlSandboxOptions"/> at start, with an error that names the setting and its fix.</summary>
internal sealed class SqlSandboxOptionsValidation : IValidateOptions<SqlSandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SqlSandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.ToLimits().Validate();
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
        if (options.SnapshotPollInterval < TimeSpan.FromMilliseconds(100) || options.SnapshotPollInterval > TimeSpan.FromHours(1))
        {
            return ValidateOptionsResult.Fail($"{SqlSandboxOptions.Section}:SnapshotPollInterval must be from 00:00:00.1 to 01:00:00 (got {options.SnapshotPollInterval}).");
        }
        return ValidateOptionsResult.Success;
    }
}
