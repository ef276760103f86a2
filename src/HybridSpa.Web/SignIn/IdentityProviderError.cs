using System.Text.RegularExpressions;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// What a support desk needs from a failed sign-in — the OAuth error, the AADSTS code, Entra's correlation id — read from
/// the exceptions the official handler (authorize errors) and MSAL.NET (token endpoint errors) raise.
/// </summary>
public sealed partial record IdentityProviderError(string? Error, string? AadstsCode, string? CorrelationId)
{
    /// <summary>The identity provider's answer found in <paramref name="failure"/> or what it wraps, or null when there is none.</summary>
    public static IdentityProviderError? From(Exception? failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case OpenIdConnectProtocolException protocol when protocol.Data["error"] is string error:
                    var description = protocol.Data["error_description"] as string;
                    return new IdentityProviderError(error, AadstsCodeOf(description), CorrelationIdOf(description));
                case MsalServiceException msal:
                    return new IdentityProviderError(msal.ErrorCode, AadstsCodeOf(msal.Message), msal.CorrelationId ?? CorrelationIdOf(msal.Message));
            }
        }

        return null;
    }

    /// <summary>The numeric AADSTS code in an error description, e.g. <c>9000512</c>.</summary>
    public static string? AadstsCodeOf(string? description) =>
        description is not null && AadstsPattern().Match(description) is { Success: true } match ? match.Groups[1].Value : null;

    private static string? CorrelationIdOf(string? description) =>
        description is not null && CorrelationPattern().Match(description) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"AADSTS(\d{1,9})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AadstsPattern();

    [GeneratedRegex(@"Correlation ID:\s*([0-9a-fA-F-]{36})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CorrelationPattern();
}
