using Kencana.Server.SqlApi.Session;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>A parsed statement: answered by the protocol layer (<see cref="Local"/>), run by the engine, or empty.</summary>
/// <param name="Sql">The statement's text.</param>
/// <param name="Local">The answer, for session statements and recognised catalogue queries.</param>
/// <param name="ParameterTypes">The parameter types: those the client named in Parse, else the engine's.</param>
/// <param name="ParameterOids">The types' OIDs, for ParameterDescription.</param>
/// <param name="Columns">The result's columns; empty for a statement without rows.</param>
internal sealed record PreparedStatement(string Sql, LocalStatement? Local, IReadOnlyList<Protocol.PgType> ParameterTypes, IReadOnlyList<uint> ParameterOids, IReadOnlyList<SqlColumn> Columns)
{
    public bool IsEmpty => Sql.Length == 0;
}
