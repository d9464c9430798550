using System.CommandLine;
using Kencana.Server.SqlApi.Authentication;

namespace Kencana.Server.SqlApi;

/// <summary><c>sql-api hash-password</c>: prints a SCRAM-SHA-256 verifier for <c>SqlApi:PasswordHash</c>, so no password stands in the configuration.</summary>
internal static class SqlApiCommand
{
    public static Command Create()
    {
        var iterations = new Option<int>("--iterations") { Description = "PBKDF2 iterations (PostgreSQL's default is 4096).", DefaultValueFactory = _ => 4096 };
        var hash = new Command("hash-password", "Read a password from standard input and print its verifier for SqlApi:PasswordHash (SqlApi__PasswordHash).") { iterations };
        hash.SetAction(parse =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                throw new ArgumentException("No password on standard input: run `echo -n PASSWORD | kencana sql-api hash-password`, or type it and press Enter.");
            }
            Console.WriteLine(ScramVerifier.Create(password, parse.GetValue(iterations)).ToString());
            return ExitCodes.Success;
        });
        return new Command("sql-api", "The SQL API (PostgreSQL wire protocol).") { hash };
    }
}
