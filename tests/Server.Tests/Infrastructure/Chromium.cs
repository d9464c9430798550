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
        AptGet.Install("The browser test", withRecommends: true, "chromium");
        return File.Exists(Executable) ? Executable : throw new InvalidOperationException("apt-get did not install chromium at " + Executable);
    }
}
