using System.Diagnostics;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>Installs Debian packages the tests need on first use, so that `dotnet test` sets up a clean machine.</summary>
internal static class AptGet
{
    // One apt-get at a time from this test process; another process's apt-get is waited for through dpkg's lock.
    private static readonly Lock Gate = new();

    /// <summary>Installs <paramref name="packages"/> as root, or explains how to when not root.</summary>
    /// <param name="purpose">What needs them, for the message to a user who is not root.</param>
    /// <param name="withRecommends">Also install the packages Debian recommends (fonts for a browser, say).</param>
    /// <param name="packages">Debian package names.</param>
    public static void Install(string purpose, bool withRecommends, params string[] packages)
    {
        var names = string.Join(' ', packages);
        var recommends = withRecommends ? "" : " --no-install-recommends";
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"{purpose} needs Debian's {names}: run `sudo apt-get install{recommends} {names}`.");
        }
        lock (Gate)
        {
            Run("apt-get", "-o DPkg::Lock::Timeout=600 update -qq");
            Run("apt-get", $"-o DPkg::Lock::Timeout=600 install -y -qq{recommends} {names}");
        }
    }

    private static void Run(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {arguments} failed: {error.Result}");
        }
    }
}
