using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>A bound statement: its parameter values and result formats, and its rows once it runs (kept open while suspended).</summary>
internal sealed class Portal(PreparedStatement statement, IReadOnlyList<object?> parameters, bool[] binary) : IDisposable
{
    public PreparedStatement Statement { get; } = statement;

    public IReadOnlyList<object?> Parameters { get; } = parameters;

    /// <summary>For each result column, whether it travels in binary.</summary>
    public bool[] Binary { get; } = binary;

    /// <summary>The rows being read; null before the first Execute and after the last row.</summary>
    public ISqlResult? Result { get; set; }

    /// <summary>The command tag's first word, once started.</summary>
    public string Tag { get; set; } = "SELECT";

    public bool Started { get; set; }

    public bool Finished { get; set; }

    /// <summary>Closed because another statement ran while it was suspended: the engine reads one statement at a time.</summary>
    public bool Interrupted { get; set; }

    public void Dispose()
    {
        Result?.Dispose();
        Result = null;
    }
}
