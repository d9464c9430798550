using Apache.Arrow;
using Apache.Arrow.Types;

namespace Kencana.Warehouse.Export;

/// <summary>The Arrow schema a dataset declares: its columns' types and nullability, each column's description and
/// unit in the field metadata, and the dataset's name and title in the schema metadata.</summary>
public static class ExportArrowSchema
{
    /// <summary>The declared schema of a dataset.</summary>
    public static Schema For(IExportDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var builder = new Schema.Builder()
            .Metadata("kencana.dataset", dataset.Name)
            .Metadata("kencana.title", dataset.Title);
        foreach (var column in dataset.Columns)
        {
            var metadata = new Dictionary<string, string> { ["description"] = column.Description };
            if (column.Unit is not null)
            {
                metadata["unit"] = column.Unit;
            }
            builder.Field(new Field(column.Name, TypeOf(column.Type), column.Nullable, metadata));
        }
        return builder.Build();
    }

    /// <summary>The Arrow type of a column type, the one DuckDB produces for the SQL type behind it.</summary>
    public static IArrowType TypeOf(ExportColumnType type) => type switch
    {
        ExportColumnType.Text or ExportColumnType.RegionCode => StringType.Default,
        ExportColumnType.SmallInt => Int16Type.Default,
        ExportColumnType.Integer32 => Int32Type.Default,
        ExportColumnType.BigInt => Int64Type.Default,
        ExportColumnType.DoublePrecision => DoubleType.Default,
        ExportColumnType.Boolean => BooleanType.Default,
        ExportColumnType.Date => Date32Type.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>Checks that a query's actual schema has the declared columns, names and types in order.</summary>
    /// <exception cref="InvalidOperationException">They differ: a dataset's SQL and its column list disagree.</exception>
    internal static void CheckMatches(Schema declared, Schema actual, string dataset)
    {
        var problems = new List<string>();
        if (declared.FieldsList.Count != actual.FieldsList.Count)
        {
            problems.Add($"{actual.FieldsList.Count} columns instead of {declared.FieldsList.Count}");
        }
        foreach (var (want, got) in declared.FieldsList.Zip(actual.FieldsList))
        {
            if (want.Name != got.Name || want.DataType.TypeId != got.DataType.TypeId)
            {
                problems.Add($"column {got.Name} ({got.DataType.Name}) where {want.Name} ({want.DataType.Name}) is declared");
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The {dataset} query does not produce its declared columns: {string.Join("; ", problems)}.");
        }
    }
}
