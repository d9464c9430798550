using System.Text.Json;

namespace Kencana.Bench.Api;

/// <summary>One representative GraphQL request and the SQL behind it.</summary>
/// <param name="Key">A short name for the command line and the report.</param>
/// <param name="Who">Whose request it stands for.</param>
/// <param name="Query">The GraphQL document POSTed to the server.</param>
/// <param name="ResultRows">Counts the rows in the GraphQL answer's data, to check both sides return the same rows.</param>
/// <param name="FieldSql">The statements that fetch the field's data, each on its own connection as the server runs them; returns the row count.</param>
/// <param name="FieldSqlText">What <paramref name="FieldSql"/> runs, for the report.</param>
/// <param name="ServerStatements">Every statement the server runs for the request, in its order and on as many connections; returns the row count.</param>
/// <param name="ServerStatementsText">What <paramref name="ServerStatements"/> runs, for the report.</param>
internal sealed record Scenario(
    string Key,
    string Who,
    string Query,
    Func<JsonElement, int> ResultRows,
    Func<DirectSql, int> FieldSql,
    string FieldSqlText,
    Func<DirectSql, int> ServerStatements,
    string ServerStatementsText);
