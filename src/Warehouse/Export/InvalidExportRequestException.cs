namespace Kencana.Warehouse.Export;

/// <summary>An export request was refused; <see cref="Problem"/> says why, for the caller.</summary>
public sealed class InvalidExportRequestException : Exception
{
    /// <summary>Creates the exception from the problem it reports.</summary>
    public InvalidExportRequestException(ExportProblem problem) : base(problem?.Detail)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>What is wrong, with the status and parameter.</summary>
    public ExportProblem Problem { get; }
}
