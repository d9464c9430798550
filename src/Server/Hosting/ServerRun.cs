using Microsoft.AspNetCore.Connections;

namespace Kencana.Server.Hosting;

/// <summary>Runs the server until it stops, answering a start-up failure an operator can fix with one line and an exit code.</summary>
internal static partial class ServerRun
{
    /// <summary>Serves until shutdown; returns the process's exit code.</summary>
    public static async Task<int> RunServerAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return ExitCodes.Success;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            // A second server on the same machine, or another program on 5080 or Flight's 5081: Kestrel's own
            // answer is a stack trace.
            LogAddressInUse(app.Logger, ex.Message);
            await app.DisposeAsync(); // flushes the console logger before the process ends
            return ExitCodes.AddressInUse;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason} Another process listens there: stop it, or choose other addresses with --urls and --Flight:Url (or turn Flight off with --Flight:Enabled=false).")]
    private static partial void LogAddressInUse(ILogger logger, string reason);
}
