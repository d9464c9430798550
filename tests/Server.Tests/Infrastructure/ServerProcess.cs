using System.Diagnostics;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>Runs the built server (Kencana.Server.dll beside the tests) as its own process, for exit codes and what it prints.</summary>
internal static class ServerProcess
{
    /// <summary>Generous: the process ends in about a second, but the machine may be busy.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kencana.Server.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Should a case start serving after all, it must not collide with anything on the default ports.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Flight__Enabled"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Kencana.Server {string.Join(' ', arguments)} did not exit within {Timeout.TotalSeconds} s; output: {await output}{await error}");
        }
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs the program and checks that it ended with <paramref name="expected"/> and printed no stack trace.</summary>
    public static async Task<string> AssertExitAsync(string directory, int expected, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(directory, arguments);
        Assert.True(expected == exitCode, $"exit code {exitCode}, expected {expected}; output:\n{output}");
        Assert.DoesNotContain("Exception", output);
        Assert.DoesNotContain("   at ", output);
        return output;
    }
}
