using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Session;

/// <summary>At most <paramref name="count"/> rows of a cursor's result, for one FETCH; the cursor keeps the result open.</summary>
internal sealed class LimitedResult(ISqlResult inner, long count) : ISqlResult
{
    public IReadOnlyList<SqlColumn> Columns => inner.Columns;

    public long RowsRead { get; private set; }

    public bool Read()
    {
        if (RowsRead >= count || !inner.Read())
        {
            return false;
        }
        RowsRead++;
        return true;
    }

    public object? GetValue(int ordinal) => inner.GetValue(ordinal);

    public void Dispose()
    {
        // The cursor owns the result.
    }
}
