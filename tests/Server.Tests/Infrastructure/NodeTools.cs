using System.Diagnostics;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>
/// The npm packages the tests use as independent readers and auditors (tests/node/package.json), installed on first
/// use with `npm ci` so that `dotnet test` alone sets up a clean machine.
/// </summary>
internal static class NodeTools
{
    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The tests/node directory, with node_modules installed.</summary>
    public static string Directory => Installed.Value;

    /// <summary>Runs `node` on a script in tests/node with arguments; returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start; install Node.js 20 or later.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, await output, await error);
    }

    private static string Install()
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "node");
        // node_modules is current when it was installed from this very lock file.
        var lockHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, "package-lock.json"))));
        var marker = Path.Combine(directory, "node_modules", ".installed-from-lock");
        if (File.Exists(marker) && File.ReadAllText(marker) == lockHash)
        {
            return directory;
        }
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start; install Node.js 20 or later.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed: {error.Result}");
        }
        File.WriteAllText(marker, lockHash);
        return directory;
    }
}
