using System.Text.RegularExpressions;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>An error answered by the identity provider (authorize or token endpoint), with what a support desk needs.</summary>
public sealed partial class EntraProtocolException : Exception
{
    /// <summary>Creates the exception from the protocol error fields.</summary>
    public EntraProtocolException(string error, string? description, string? correlationId, Exception? innerException = null)
        : base($"The identity provider answered '{error}'{(AadstsCodeOf(description) is { } code ? $" (AADSTS{code})" : string.Empty)}.", innerException)
    {
        Error = error;
        AadstsCode = AadstsCodeOf(description);
        CorrelationId = correlationId ?? CorrelationIdOf(description);
    }

    /// <summary>Creates an exception without protocol details.</summary>
    public EntraProtocolException()
        : this("unknown_error", null, null)
    {
    }

    /// <summary>Creates an exception without protocol details.</summary>
    public EntraProtocolException(string message)
        : this(message, null, null)
    {
    }

    /// <summary>Creates an exception without protocol details.</summary>
    public EntraProtocolException(string message, Exception innerException)
        : this(message, null, null, innerException)
    {
    }

    /// <summary>The OAuth <c>error</c> value, e.g. <c>invalid_grant</c>.</summary>
    public string Error { get; }

    /// <summary>The numeric AADSTS code from the description, when there is one.</summary>
    public string? AadstsCode { get; }

    /// <summary>Entra's correlation id, when known.</summary>
    public string? CorrelationId { get; }

    private static string? AadstsCodeOf(string? description) =>
        description is not null && AadstsPattern().Match(description) is { Success: true } m ? m.Groups[1].Value : null;

    private static string? CorrelationIdOf(string? description) =>
        description is not null && CorrelationPattern().Match(description) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"AADSTS(\d{1,9})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AadstsPattern();

    [GeneratedRegex(@"Correlation ID:\s*([0-9a-fA-F-]{36})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CorrelationPattern();
}
