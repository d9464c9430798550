namespace Kencana.Warehouse.Storage;

/// <summary>Recognises an I/O error that means the disk is full, which .NET reports only through its HResult.</summary>
public static class DiskFull
{
    /// <summary>errno ENOSPC on Unix, which .NET passes on as the HResult; ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.</summary>
    private static readonly int[] HResults = [28, unchecked((int)0x80070027), unchecked((int)0x80070070)];

    /// <summary>True when <paramref name="exception"/> says there is no space left on the device.</summary>
    public static bool IsCause(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return HResults.Contains(exception.HResult);
    }
}
