using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>
/// The Data Protection key ring in PostgreSQL: every instance reads the same keys, so the auth and session cookies, the
/// sign-in state and the protected token cache written by one instance are readable by all of them, and survive restarts.
/// </summary>
public sealed class PostgresXmlRepository(PostgresConnector connector) : IXmlRepository
{
    private const string SelectSql = $"SELECT xml FROM {PostgresSchema.DataProtectionKeysTable} ORDER BY created_at, friendly_name";

    // Data Protection never rewrites a key; storing the same name again (a retried insert) keeps one row.
    private const string InsertSql = $"""
        INSERT INTO {PostgresSchema.DataProtectionKeysTable} (friendly_name, xml) VALUES (@friendly_name, @xml)
        ON CONFLICT (friendly_name) DO UPDATE SET xml = EXCLUDED.xml
        """;

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() =>
        connector.QueryColumn<string>(SelectSql).Select(xml => XElement.Parse(xml)).ToList();

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName;
        connector.Execute(InsertSql, parameters =>
        {
            parameters.Add(new NpgsqlParameter<string>("friendly_name", name));
            parameters.Add(new NpgsqlParameter<string>("xml", element.ToString(SaveOptions.DisableFormatting)));
        });
    }
}
