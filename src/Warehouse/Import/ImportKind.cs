namespace Kencana.Warehouse.Import;

/// <summary>What an import file holds, decided by its columns.</summary>
public enum ImportKind
{
    /// <summary>New sources (id, title, publisher, ...), loaded before the values that cite them.</summary>
    Sources,
    /// <summary>Observed indicator values (a <c>value</c> column).</summary>
    Observations,
    /// <summary>Targets (a <c>target</c> column).</summary>
    Targets,
}
