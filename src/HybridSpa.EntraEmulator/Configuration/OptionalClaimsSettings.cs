namespace HybridSpa.EntraEmulator;

/// <summary>ID-token optional claims of an app registration (the hybrid sample configures <c>login_hint</c> and <c>sid</c>).</summary>
public sealed class OptionalClaimsSettings
{
    /// <summary>Emit the opaque <c>login_hint</c> claim.</summary>
    public bool LoginHint { get; set; } = true;

    /// <summary>Emit the <c>sid</c> (session id) claim.</summary>
    public bool Sid { get; set; } = true;

    /// <summary>Emit <c>email</c> even when the <c>email</c> scope was not requested.</summary>
    public bool Email { get; set; }
}
