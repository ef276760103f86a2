namespace HybridSpa.EntraEmulator.Validation;

/// <summary>Names and values of the /authorize parameters the emulator reads; others (clidata, claims, X-AnchorMailbox, pocd…) are ignored.</summary>
internal static class AuthorizeRequestParameters
{
    public const string ClientId = "client_id";
    public const string RedirectUri = "redirect_uri";
    public const string ResponseType = "response_type";
    public const string ResponseMode = "response_mode";
    public const string Scope = "scope";
    public const string State = "state";
    public const string Nonce = "nonce";
    public const string Prompt = "prompt";
    public const string LoginHint = "login_hint";
    public const string CodeChallenge = "code_challenge";
    public const string CodeChallengeMethod = "code_challenge_method";
    public const string ClientInfo = "client_info";
    public const string MaxAge = "max_age";
    public const string Claims = "claims";

    public static readonly string[] ResponseModes = ["query", "fragment", "form_post"];
    public static readonly string[] Prompts = ["none", "login", "select_account", "consent"];
}
