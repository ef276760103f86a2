namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>Log messages of the Entra sign-in handler. Ids are stable; no template carries a code or a token.</summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(1, LogLevel.Debug, "Redirecting to the authorize endpoint (prompt: {Prompt}, SPA code disabled: {SpaCodeDisabled}).", EventName = "RedirectToAuthorize")]
    public static partial void RedirectingToAuthorize(this ILogger logger, string? prompt, bool spaCodeDisabled);

    [LoggerMessage(2, LogLevel.Warning, "Sign-in callback rejected: {Reason}", EventName = "CallbackRejected")]
    public static partial void CallbackRejected(this ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Information, "The identity provider answered the authorize request with '{Error}' (AADSTS{AadstsCode}, correlation id {CorrelationId}).", EventName = "AuthorizeError")]
    public static partial void AuthorizeError(this ILogger logger, string error, string? aadstsCode, string? correlationId);

    [LoggerMessage(4, LogLevel.Debug, "Redeeming the authorization code (SPA code requested: {SpaCodeRequested}).", EventName = "RedeemingCode")]
    public static partial void RedeemingCode(this ILogger logger, bool spaCodeRequested);

    [LoggerMessage(5, LogLevel.Information, "The identity provider refused a hybrid SPA code (AADSTS9000512); restarting the sign-in without requesting one.", EventName = "SpaCodeRefused")]
    public static partial void SpaCodeRefused(this ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Silent sign-in needs interaction ('{Error}'); restarting it interactively.", EventName = "SilentSignInNeedsInteraction")]
    public static partial void SilentSignInNeedsInteraction(this ILogger logger, string error);

    [LoggerMessage(7, LogLevel.Information, "id_token signing key not found in metadata; refreshing metadata and retrying once (key rollover).", EventName = "SigningKeyRollover")]
    public static partial void SigningKeyRollover(this ILogger logger);

    [LoggerMessage(8, LogLevel.Warning, "id_token rejected: {Reason}", EventName = "IdTokenRejected")]
    public static partial void IdTokenRejected(this ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Debug, "Redirecting to the end-session endpoint.", EventName = "RedirectToEndSession")]
    public static partial void RedirectingToEndSession(this ILogger logger);

    [LoggerMessage(10, LogLevel.Debug, "Signed-out callback received (state {StateStatus}).", EventName = "SignedOutCallback")]
    public static partial void SignedOutCallback(this ILogger logger, string stateStatus);
}
