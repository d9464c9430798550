using DuckDB.NET.Data;
using Kencana.Server.Identity;
using Kencana.Server.SqlApi.Authentication;
using Kencana.Server.SqlApi.Catalog;
using Kencana.Server.SqlApi.Connections;
using Kencana.Server.SqlApi.Snapshots;

namespace Kencana.Server.SqlApi;

public static class SqlApiExtensions
{
    /// <summary>The password a Development server uses when none is configured; nowhere else is there a default.</summary>
    internal const string DevelopmentPassword = "kencana";

    /// <summary>
    /// The SQL API: a PostgreSQL wire protocol listener on its own port (<see cref="SqlApiOptions"/>), off unless
    /// <c>SqlApi:Port</c> or <c>SqlApi:Url</c> is set. The password is turned into a SCRAM verifier here and dropped.
    /// </summary>
    /// <exception cref="InvalidOperationException">The API is on without a password outside Development, or its settings are not valid.</exception>
    public static WebApplicationBuilder AddSqlApi(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SqlApiOptions.Section).Get<SqlApiOptions>() ?? new SqlApiOptions();
        if (!options.Enabled)
        {
            return builder;
        }
        _ = options.Endpoint(); // refuses a malformed address now rather than at the first connection
        if (options.MaxConnections < 1 || options.MaxMessageBytes < 1024 || options.AuthenticationTimeoutSeconds < 1 || options.IdleTimeoutSeconds < 1)
        {
            throw new InvalidOperationException("SqlApi:MaxConnections and the timeouts must be at least 1, SqlApi:MaxMessageBytes at least 1024.");
        }
        if (string.IsNullOrWhiteSpace(options.User))
        {
            throw new InvalidOperationException("SqlApi:User is empty: name the user clients log in with (SqlApi__User=analyst).");
        }
        var verifier = Verifier(options, builder.Environment);
        options.Password = null;
        options.PasswordHash = null;
        builder.Services.AddSingleton(options);
        builder.AddSqlSnapshots();
        builder.Services.AddSingleton(sp => new SqlApiLogins(options.User, verifier, options.AllowApiKeys ? sp.GetService<ApiKeyStore>() : null));
        builder.Services.AddSingleton(new ServerIdentity(EngineVersion()));
        builder.Services.AddSingleton<CancelRegistry>();
        builder.Services.AddSingleton<SqlApiListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SqlApiListener>());
        return builder;
    }

    private static ScramVerifier Verifier(SqlApiOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(options.PasswordHash))
        {
            return ScramVerifier.TryParse(options.PasswordHash)
                ?? throw new InvalidOperationException("SqlApi:PasswordHash is not a SCRAM-SHA-256 verifier (SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey): make one with `kencana sql-api hash-password`.");
        }
        if (!string.IsNullOrEmpty(options.Password))
        {
            return ScramVerifier.Create(options.Password, options.ScramIterations);
        }
        if (environment.IsDevelopment())
        {
            return ScramVerifier.Create(DevelopmentPassword, options.ScramIterations);
        }
        throw new InvalidOperationException(
            "The SQL API is on (SqlApi:Port or SqlApi:Url is set) but has no password: set SqlApi:Password (environment SqlApi__Password) "
            + "or SqlApi:PasswordHash (from `kencana sql-api hash-password`). Only a Development server has a default password.");
    }

    /// <summary>The DuckDB library's version, which version() names.</summary>
    private static string EngineVersion()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }
}
