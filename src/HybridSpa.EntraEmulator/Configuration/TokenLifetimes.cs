namespace HybridSpa.EntraEmulator;

/// <summary>Lifetimes of codes and tokens; the defaults are Entra's.</summary>
public sealed class TokenLifetimes
{
    /// <summary>Authorization codes and hybrid SPA codes ("about 10 minutes").</summary>
    public TimeSpan AuthorizationCode { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Shortest access-token lifetime; each token gets a random lifetime between min and max.</summary>
    public TimeSpan AccessTokenMin { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Longest access-token lifetime.</summary>
    public TimeSpan AccessTokenMax { get; set; } = TimeSpan.FromMinutes(90);

    /// <summary>Refresh tokens of single-page apps: fixed from the original sign-in, never extended.</summary>
    public TimeSpan SpaRefreshToken { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Refresh tokens of web apps: expire after this much inactivity.</summary>
    public TimeSpan WebRefreshToken { get; set; } = TimeSpan.FromDays(90);

    /// <summary>ID tokens (exp − iat observed as 3900 s).</summary>
    public TimeSpan IdToken { get; set; } = TimeSpan.FromSeconds(3900);
}
