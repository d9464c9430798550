namespace Kencana.Warehouse.Import;

/// <summary>A file cannot be read at all (type, header, columns); carries the one error that says why.</summary>
internal sealed class FileRejectedException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}
