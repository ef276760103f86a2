namespace HybridSpa.EntraEmulator.Validation;

/// <summary>The client credential a token request carries: a secret (body or HTTP Basic), an assertion, or nothing.</summary>
internal sealed record PresentedCredential(PresentedCredentialKind Kind, string? Secret, string? AssertionType, string? Assertion)
{
    public static readonly PresentedCredential None = new(PresentedCredentialKind.None, null, null, null);

    /// <summary>Null when the request is malformed (two credentials, or an unreadable Basic header).</summary>
    public static PresentedCredential? From(TokenRequest request)
    {
        var bodySecret = request.Get(TokenRequestParameters.ClientSecret);
        var assertion = request.Get(TokenRequestParameters.ClientAssertion);
        var assertionType = request.Get(TokenRequestParameters.ClientAssertionType);
        var basic = BasicCredentials.From(request.Authorization, out var malformed);
        if (malformed)
        {
            return null;
        }

        var presented = new[] { bodySecret, basic?.Secret, assertion ?? assertionType }.Count(v => v is not null);
        if (presented > 1)
        {
            return null;
        }

        if (assertion is not null || assertionType is not null)
        {
            return new PresentedCredential(PresentedCredentialKind.Assertion, null, assertionType, assertion);
        }

        var secret = bodySecret ?? basic?.Secret;
        return secret is null ? None : new PresentedCredential(PresentedCredentialKind.Secret, secret, null, null);
    }
}

/// <summary>Which kind of client credential was presented.</summary>
internal enum PresentedCredentialKind
{
    /// <summary>No credential: a public client.</summary>
    None,

    /// <summary>client_secret in the body or HTTP Basic.</summary>
    Secret,

    /// <summary>client_assertion JWT.</summary>
    Assertion,
}
