namespace HybridSpa.EntraEmulator.Stores;

/// <summary>What kind of code was issued, which decides how it may be redeemed.</summary>
internal enum CodeKind
{
    /// <summary>Issued to a Web redirect URI: redeemed by a confidential client, without Origin.</summary>
    Web,

    /// <summary>Issued to a SPA redirect URI: redeemed cross-origin with PKCE.</summary>
    Spa,

    /// <summary>The hybrid <c>spa_code</c> minted by a <c>return_spa_code=1</c> redemption: cross-origin, no PKCE, no redirect URI.</summary>
    HybridSpa,
}
