using DuckDB.NET.Data;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Storage;

namespace Kencana.Server.Cli;

/// <summary>
/// Turns what ended a command into what its user needs: a line naming the file and the fix, and an exit code from
/// <see cref="ExitCodes"/>. A stack trace helps only whoever debugs the program; <c>KENCANA_TRACE=1</c> prints it.
/// </summary>
internal static class CommandFailure
{
    public static (string Message, int ExitCode) Describe(Exception exception) => exception switch
    {
        ImportFailedException ex => (ex.Message, ExitCodes.ImportRejected),
        WarehouseUnavailableException ex => (ex.Message, ExitCodes.For(ex.Fault)),
        ArgumentException ex => (ex.Message, ExitCodes.Usage),
        UserInputException ex => (ex.Message, ExitCodes.Usage),
        InvalidDataException ex => (ex.Message, ExitCodes.FileUnusable),
        IOException ex when DiskFull.IsCause(ex) =>
            ($"No space left on device ({ex.Message}): free some space, or write to another disk.", ExitCodes.DiskFull),
        IOException ex => ($"A file could not be read or written ({ex.Message}): check the path and that it is not in use.", ExitCodes.FileUnusable),
        UnauthorizedAccessException ex => ($"Permission denied ({ex.Message}): choose a path this user may read and write.", ExitCodes.FileUnusable),
        DuckDBException ex => ($"DuckDB failed: {FirstLine(ex.Message)}. Nothing was committed; if it says the disk is full or the file is damaged, fix that and run the command again.", ExitCodes.Unexpected),
        _ => ($"Unexpected error ({exception.GetType().Name}): {FirstLine(exception.Message)}. Please report it; KENCANA_TRACE=1 prints the stack trace.", ExitCodes.Unexpected),
    };

    /// <summary>Writes the failure to standard error and returns its exit code.</summary>
    public static int Report(Exception exception, TextWriter error)
    {
        var (message, exitCode) = Describe(exception);
        error.WriteLine(message);
        if (Environment.GetEnvironmentVariable("KENCANA_TRACE") == "1")
        {
            error.WriteLine(exception);
        }
        return exitCode;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.');
}
