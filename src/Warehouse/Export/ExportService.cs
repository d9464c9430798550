using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Export;

/// <summary>Opens export sessions on the warehouse: one connection and one snapshot per export.</summary>
public sealed class ExportService(WarehouseDatabase database, ExportOptions options)
{
    /// <summary>The options in force.</summary>
    public ExportOptions Options => options;

    /// <summary>
    /// Opens a session for a validated request: a connection in a transaction, so that the data stamp read now and
    /// the rows streamed later come from the same snapshot even if an import lands in between.
    /// </summary>
    /// <exception cref="WarehouseUnavailableException">The warehouse cannot be opened.</exception>
    public ExportSession Open(ExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = database.OpenConnection();
        try
        {
            return new ExportSession(connection, request, options);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The data stamp alone, for answering a conditional request without opening a session.</summary>
    public ExportDataStamp ReadDataStamp()
    {
        using var connection = database.OpenConnection();
        return ExportSession.ReadDataStamp(connection);
    }
}
