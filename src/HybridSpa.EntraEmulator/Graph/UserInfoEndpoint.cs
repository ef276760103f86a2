using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Tokens;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>
/// <c>GET|POST /oidc/userinfo</c> on the Graph host, as Entra advertises it: called with a Graph token; <c>sub</c> equals the
/// ID token's (pairwise per app), profile claims with the profile scope, and <c>email</c>.
/// </summary>
internal sealed class UserInfoEndpoint(EmulatorUrls urls)
{
    public Task HandleAsync(HttpContext context, GraphCaller caller)
    {
        var user = caller.User;
        var body = new Dictionary<string, object?> { ["sub"] = OpaqueValues.PairwiseSubject(caller.ClientId, caller.Member.ObjectId) };
        if (caller.Scopes.Contains(OidcScopes.Profile, StringComparer.OrdinalIgnoreCase))
        {
            body["name"] = user.DisplayName;
            body["family_name"] = user.Surname;
            body["given_name"] = user.GivenName;
            body["picture"] = $"{urls.Base}v1.0/me/photo/$value";
        }

        // Entra grants email alongside openid (the token response's scope lists it), so a userinfo call always may read it.
        if (user.Mail is not null)
        {
            body["email"] = user.Mail;
        }

        GraphResponseHeaders.Apply(context);
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }
}
