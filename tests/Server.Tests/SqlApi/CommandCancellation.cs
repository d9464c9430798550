using Npgsql;

namespace Kencana.Server.Tests.SqlApi;

internal static class CommandCancellation
{
    /// <summary>
    /// Sends Npgsql's cancel request once a second until <paramref name="running"/> ends (at most a minute). As in
    /// PostgreSQL, a cancel that arrives before the statement starts cancels nothing, and on a busy machine one second
    /// is not always enough for the statement to start.
    /// </summary>
    public static async Task CancelUntilStoppedAsync(NpgsqlCommand command, Task running)
    {
        for (var attempt = 0; attempt < 60 && !running.IsCompleted; attempt++)
        {
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1)));
            if (!running.IsCompleted)
            {
                command.Cancel();
            }
        }
    }
}
