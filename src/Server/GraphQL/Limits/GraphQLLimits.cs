namespace Kencana.Server.GraphQL.Limits;

/// <summary>Bounds on every GraphQL request; bound from the <c>GraphQL</c> configuration section.</summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>The deepest selection allowed.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>The highest complexity the analyzer may compute for a request.</summary>
    public int MaxComplexity { get; set; } = 250_000;

    /// <summary>The most field selections one document may hold, counted as written (before fragments are expanded).</summary>
    public int MaxFields { get; set; } = 2_000;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>The most operations one batched POST may carry.</summary>
    public int MaxBatchSize { get; set; } = 20;

    /// <summary>How long one request may execute.</summary>
    public double TimeoutSeconds { get; set; } = 30;
}
