using System.Runtime.InteropServices;

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

    private static class NativeMethods
    {
        // DllImport rather than LibraryImport, whose generated marshalling needs unsafe code in the assembly.
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
    }
}
