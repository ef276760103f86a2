namespace HybridSpa.EntraEmulator.Errors;

/// <summary>One Entra error: the OAuth <c>error</c>, the AADSTS number and text, the HTTP status and an optional <c>suberror</c>.</summary>
internal sealed record AadstsError(int Code, string Error, string Message, int StatusCode = 400, string? Suberror = null)
{
    public string ErrorUri => $"https://login.microsoftonline.com/error?code={Code}";
}
