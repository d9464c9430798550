using System.Net;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace Kencana.Server.Tests.Export;

/// <summary>An export as a client receives it, saved to a temporary file so that independent readers can open it.</summary>
internal sealed class ExportDownload : IDisposable
{
    private ExportDownload(HttpResponseMessage response, byte[] body, string path)
    {
        Response = response;
        Body = body;
        Path = path;
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public byte[] Body { get; }

    /// <summary>The body saved to a temporary file with the request's extension.</summary>
    public string Path { get; }

    public string? ETag => Response.Headers.ETag?.ToString();

    public static async Task<ExportDownload> GetAsync(HttpClient client, string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var extension = System.IO.Path.GetExtension(new Uri(new Uri("http://x"), url).AbsolutePath);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kencana-download-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, body);
        return new ExportDownload(response, body, path);
    }

    /// <summary>The problem+json body of a refused request.</summary>
    public JsonNode Problem() => JsonNode.Parse(Body)!;

    /// <summary>Reads the saved file back with DuckDB: <c>read_parquet</c>, or <c>read_csv</c> with the given options.</summary>
    public List<Dictionary<string, object?>> ReadWithDuckDB(string? csvOptions = null, string orderBy = "1")
    {
        var source = csvOptions is null ? $"read_parquet('{Path}')" : $"read_csv('{Path}', {csvOptions})";
        return Query($"SELECT * FROM {source} ORDER BY {orderBy}");
    }

    /// <summary>Column names and DuckDB types of the saved file as DuckDB reads it.</summary>
    public Dictionary<string, string> DescribeWithDuckDB(string? csvOptions = null)
    {
        var source = csvOptions is null ? $"read_parquet('{Path}')" : $"read_csv('{Path}', {csvOptions})";
        return Query($"DESCRIBE SELECT * FROM {source}").ToDictionary(r => (string)r["column_name"]!, r => (string)r["column_type"]!);
    }

    public static List<Dictionary<string, object?>> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose()
    {
        Response.Dispose();
        File.Delete(Path);
    }
}
