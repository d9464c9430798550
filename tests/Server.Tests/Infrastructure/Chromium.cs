using System.Diagnostics;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>Debian's Chromium for the browser test, installed with apt-get when missing so that `dotnet test` sets up a clean machine.</summary>
internal static class Chromium
{
    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Installed.Value;

    private static string Install()
    {
        const string Executable = "/usr/bin/chromium";
        if (File.Exists(Executable))
        {
            return Executable;
        }
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("The browser test needs Debian's chromium: run `sudo apt-get install chromium`.");
        }
        Run("apt-get", "update -qq");
        Run("apt-get", "install -y -qq chromium");
        return File.Exists(Executable) ? Executable : throw new InvalidOperationException("apt-get did not install chromium at " + Executable);
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
