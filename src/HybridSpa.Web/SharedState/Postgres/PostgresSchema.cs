namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>The tables behind the shared state, and the idempotent script that creates them (also in docs/scale-out.md).</summary>
public static class PostgresSchema
{
    /// <summary><see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> entries: session and MSAL token cache.</summary>
    public const string CacheTable = "hybridspa_cache";

    /// <summary>The Data Protection key ring (key XML), so every instance protects and unprotects with the same keys.</summary>
    public const string DataProtectionKeysTable = "hybridspa_data_protection_keys";

    /// <summary>Pending SPA-code hand-offs, each taken at most once.</summary>
    public const string SpaCodeHandOffsTable = "hybridspa_spa_code_handoffs";

    /// <summary>Creates whatever is missing; safe to run any number of times.</summary>
    public const string CreateScript = """
        CREATE TABLE IF NOT EXISTS hybridspa_cache (
            id                  text             PRIMARY KEY,
            value               bytea            NOT NULL,
            expires_at          timestamptz      NOT NULL,
            sliding_seconds     double precision NULL,
            absolute_expires_at timestamptz      NULL
        );
        CREATE INDEX IF NOT EXISTS hybridspa_cache_expires_at ON hybridspa_cache (expires_at);

        CREATE TABLE IF NOT EXISTS hybridspa_data_protection_keys (
            friendly_name text        PRIMARY KEY,
            xml           text        NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE IF NOT EXISTS hybridspa_spa_code_handoffs (
            id             text        PRIMARY KEY,
            protected_code bytea       NOT NULL,
            expires_at     timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS hybridspa_spa_code_handoffs_expires_at ON hybridspa_spa_code_handoffs (expires_at);
        """;

    // Two instances starting together would race on CREATE ... IF NOT EXISTS (a duplicate pg_type row). Npgsql sends these
    // statements as one batch, which PostgreSQL runs in one implicit transaction, so this lock serialises the whole script.
    internal const string CreateScriptLocked = "SELECT pg_advisory_xact_lock(7316052114);\n" + CreateScript;

    /// <summary>True when every table exists (the health check's "Ready").</summary>
    internal const string ReadyQuery = $"""
        SELECT to_regclass('{CacheTable}') IS NOT NULL
           AND to_regclass('{DataProtectionKeysTable}') IS NOT NULL
           AND to_regclass('{SpaCodeHandOffsTable}') IS NOT NULL
        """;

    /// <summary>Deletes expired rows of both expiring tables; returns nothing useful beyond the count.</summary>
    internal const string DeleteExpiredScript = $"""
        DELETE FROM {CacheTable} WHERE expires_at <= now();
        DELETE FROM {SpaCodeHandOffsTable} WHERE expires_at <= now();
        """;
}
