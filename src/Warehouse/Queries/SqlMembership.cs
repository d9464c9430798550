namespace Kencana.Warehouse.Queries;

/// <summary>"This column is one of these values", written so that DuckDB can skip row groups when it can.</summary>
internal static class SqlMembership
{
    /// <summary>
    /// <c>column = $p</c> or <c>column IN ($p0, $p1, ...)</c> for a short list, which DuckDB can check against each row
    /// group's min and max; <c>list_contains</c> for a long one, which it cannot but which needs one parameter.
    /// </summary>
    public static string In<T>(string column, string name, IReadOnlyList<T> values, List<(string Name, object? Value)> parameters)
    {
        if (values.Count == 1)
        {
            parameters.Add((name, values[0]));
            return $"{column} = ${name}";
        }
        if (values.Count <= MaxInListParameters)
        {
            var names = values.Select((v, i) => (Name: $"{name}{i}", Value: v)).ToList();
            parameters.AddRange(names.Select(n => (n.Name, (object?)n.Value)));
            return $"{column} IN ({string.Join(", ", names.Select(n => "$" + n.Name))})";
        }
        parameters.Add((name, values.ToArray()));
        return $"list_contains(${name}, {column})";
    }

    private const int MaxInListParameters = 64;
}
