using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Session;

/// <summary>Rows the protocol layer makes itself (SHOW, the catalogue answers for drivers), served like the engine's.</summary>
internal sealed class FixedResult(IReadOnlyList<SqlColumn> columns, IReadOnlyList<object?[]> rows) : ISqlResult
{
    private int _index = -1;

    public IReadOnlyList<SqlColumn> Columns => columns;

    public long RowsRead => Math.Max(0, Math.Min(_index + 1, rows.Count));

    public bool Read() => ++_index < rows.Count;

    public object? GetValue(int ordinal) => rows[_index][ordinal];

    public void Dispose()
    {
    }
}
