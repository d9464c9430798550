namespace Kencana.Warehouse.Storage;

/// <summary>The warehouse file cannot be opened; the message says why and what to do.</summary>
public sealed class WarehouseUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that names the fix.</summary>
    public WarehouseUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
