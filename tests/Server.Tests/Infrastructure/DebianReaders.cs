using System.Diagnostics;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>
/// R with readr, and pandas, from Debian (about 50 MB without recommended packages): CSV readers we did not write,
/// installed with apt-get on first use so that `dotnet test` sets up a clean machine.
/// </summary>
/// <remarks>Tests that use them belong to the live server collection, as the browser test does, so that two apt-get
/// runs of this test process never wait on each other's lock.</remarks>
internal static class DebianReaders
{
    /// <summary>Debian's own Python, whatever else is first on PATH: its pandas is the one apt-get installs.</summary>
    public const string Python = "/usr/bin/python3";

    public const string Rscript = "/usr/bin/Rscript";

    private static readonly Lazy<bool> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs an R script; returns exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunRAsync(string script) => RunScriptAsync(Rscript, ".R", script);

    /// <summary>Runs a Python script with Debian's python3; returns exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunPythonAsync(string script) => RunScriptAsync(Python, ".py", script);

    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(string interpreter, string extension, string script)
    {
        _ = Installed.Value;
        var path = Path.Combine(Path.GetTempPath(), $"kencana-reader-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(path, script);
        try
        {
            var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(path);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{interpreter} did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // Generous: R starts in about a second, but not on a machine busy building.
            using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{interpreter} {path} did not finish within 2 minutes.");
            }
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool Install()
    {
        if (Works(Rscript, "-e", "library(readr)") && Works(Python, "-c", "import pandas"))
        {
            return true;
        }
        AptGet.Install("The CSV reader tests", withRecommends: false, "r-base-core", "r-cran-readr", "python3-pandas");
        return Works(Rscript, "-e", "library(readr)") && Works(Python, "-c", "import pandas")
            ? true
            : throw new InvalidOperationException("apt-get did not install a working R with readr and pandas.");
    }

    private static bool Works(string command, params string[] arguments)
    {
        if (!File.Exists(command))
        {
            return false;
        }
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process.WaitForExit(TimeSpan.FromMinutes(1)) && process.ExitCode == 0;
    }
}
