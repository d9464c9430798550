using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Kencana.Warehouse.Export;

/// <summary>Makes named pipes, which .NET has no API for.</summary>
internal static class UnixFifo
{
    /// <summary>True where named pipes exist.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Creates a named pipe readable and writable by the owner only.</summary>
    /// <exception cref="IOException">mkfifo failed.</exception>
    public static void Create(string path)
    {
        if (NativeMethods.mkfifo(path, Convert.ToUInt32("600", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>
    /// Asks Linux for a pipe buffer of <paramref name="bytes"/> (capped by /proc/sys/fs/pipe-max-size, 1 MiB by
    /// default); elsewhere, or when refused, the pipe keeps its size. With the default 64 KiB, DuckDB's writer blocks
    /// on a full pipe every 64 KiB and each read hands the response one small piece: a 1.35 GB CSV export took a
    /// fifth longer through the default pipe than through a 1 MiB one.
    /// </summary>
    /// <returns>The pipe's size after the call, or 0 where it cannot be known.</returns>
    public static int TryEnlarge(SafeFileHandle pipe, int bytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }
        var handle = pipe.DangerousGetHandle().ToInt32();
        var max = ReadPipeMaxSize();
        _ = NativeMethods.fcntl(handle, SetPipeSize, Math.Min(bytes, max ?? bytes));
        return Math.Max(0, NativeMethods.fcntl(handle, GetPipeSize, 0));
    }

    // F_SETPIPE_SZ and F_GETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7 and + 8).
    private const int SetPipeSize = 1031;
    private const int GetPipeSize = 1032;

    private static int? ReadPipeMaxSize()
    {
        try
        {
            return int.TryParse(File.ReadAllText("/proc/sys/fs/pipe-max-size").Trim(), out var max) ? max : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static class NativeMethods
    {
        // DllImport rather than LibraryImport, whose generated marshalling needs unsafe code in the assembly.
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int fcntl(int fd, int command, int argument);
    }
}
