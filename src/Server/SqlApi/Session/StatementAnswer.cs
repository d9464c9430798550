using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Session;

/// <summary>What the connection does besides answering, for statements about the session itself.</summary>
internal enum SessionEffect
{
    None,
    Begin,
    Commit,
    Rollback,
    RollbackToSavepoint,
    Savepoint,
    DiscardAll,
    Deallocate,
    DeallocateAll,
}

/// <summary>The outcome of a statement answered by the protocol layer.</summary>
/// <param name="Tag">The command tag; for a result, the word before its row count (SELECT) or the whole tag (SHOW).</param>
/// <param name="Rows">The rows, for SHOW and recognised catalogue queries.</param>
/// <param name="Effect">The change to the connection's state.</param>
/// <param name="Argument">The statement name, for DEALLOCATE.</param>
/// <param name="Reported">Settings changed that clients are told of in ParameterStatus.</param>
internal sealed record StatementAnswer(string Tag, ISqlResult? Rows = null, SessionEffect Effect = SessionEffect.None, string? Argument = null, IReadOnlyList<string>? Reported = null);

/// <summary>A statement the protocol layer answers itself: its result's columns (known at Parse) and how to run it.</summary>
internal sealed record LocalStatement(IReadOnlyList<SqlColumn> Columns, Func<StatementAnswer> Run)
{
    public static LocalStatement Command(Func<StatementAnswer> run) => new([], run);
}
