using HybridSpa.Web.HandOff;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>
/// <see cref="ITakeOnceSpaCodeStore"/> in PostgreSQL: the take is one <c>DELETE … RETURNING</c>, so two instances rendering the
/// page for the same session at once cannot both get the code. Codes are stored as <see cref="SpaCodeProtection"/> keeps them.
/// </summary>
public sealed class PostgresTakeOnceSpaCodeStore(PostgresConnector connector, IDataProtectionProvider dataProtection) : ITakeOnceSpaCodeStore
{
    private const string InsertSql = $"""
        INSERT INTO {PostgresSchema.SpaCodeHandOffsTable} (id, protected_code, expires_at)
        VALUES (@id, @protected_code, now() + make_interval(secs => @lifetime))
        """;

    // An expired row is deleted too, but yields NULL: expired codes are never returned.
    private const string TakeSql = $"""
        DELETE FROM {PostgresSchema.SpaCodeHandOffsTable} WHERE id = @id
        RETURNING CASE WHEN expires_at > now() THEN protected_code END
        """;

    private readonly SpaCodeProtection _protection = new(dataProtection);

    /// <inheritdoc />
    public Task PutAsync(string handOffId, string spaCode, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(handOffId);
        ArgumentException.ThrowIfNullOrEmpty(spaCode);
        var protectedCode = _protection.Protect(spaCode);
        return connector.ExecuteAsync(InsertSql, parameters =>
        {
            parameters.Add(new NpgsqlParameter<string>("id", handOffId));
            parameters.Add(new NpgsqlParameter<byte[]>("protected_code", protectedCode));
            parameters.Add(new NpgsqlParameter<double>("lifetime", lifetime.TotalSeconds));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> TakeAsync(string handOffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(handOffId);
        var protectedCode = await connector.QueryValueAsync<byte[]>(
            TakeSql, parameters => parameters.Add(new NpgsqlParameter<string>("id", handOffId)), cancellationToken);
        return protectedCode is null ? null : _protection.Unprotect(protectedCode);
    }
}
