namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>Why a statement was stopped.</summary>
internal enum StopReason
{
    /// <summary>It was not.</summary>
    None,

    /// <summary>The client cancelled it.</summary>
    Cancelled,

    /// <summary>It ran past the statement time limit.</summary>
    TimeLimit,

    /// <summary>Its result passed the row limit.</summary>
    RowLimit,
}
