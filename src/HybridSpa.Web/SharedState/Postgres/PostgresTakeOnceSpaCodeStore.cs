using HybridSpa.Web.HandOff;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>
/// <see cref="ITakeOnceSpaCodeStore"/> in PostgreSQL: the take is one <c>DELETE … RETURNING</c>, so two instances rendering the
/// page for the same session at once cannot both get the code. Codes are stored protected with the shared key ring, so the
/// database (and its backups) never hold a redeemable code in the clear.
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

    private readonly IDataProtector _protector = dataProtection.CreateProtector("HybridSpa.SpaCodeHandOff", "v1");

    /// <inheritdoc />
    public Task PutAsync(string handOffId, string spaCode, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(handOffId);
        ArgumentException.ThrowIfNullOrEmpty(spaCode);
        var protectedCode = _protector.Protect(System.Text.Encoding.UTF8.GetBytes(spaCode));
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
        if (protectedCode is null)
        {
            return null;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(_protector.Unprotect(protectedCode));
        }
        catch (System.Security.Cryptography.CryptographicException ex) when (!SharedStateUnavailableException.IsCauseOf(ex))
        {
            // Protected with a key no longer in the ring: as good as expired, the SPA signs in again. (A key ring that could
            // not be read at all is the store being down, which must stay a 503.)
            return null;
        }
    }
}
