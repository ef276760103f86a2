using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;
using HybridSpa.EntraEmulator.Validation;

namespace HybridSpa.EntraEmulator.ResponseGeneration;

/// <summary>Issues the authorization code and builds the success parameters: code, client_info, state, session_state (§5.3).</summary>
internal sealed class AuthorizeResponseGenerator(AuthorizationCodeStore codes, ConsentPolicy consent, EmulatorDirectory directory, TimeProvider clock)
{
    public List<KeyValuePair<string, string>> IssueCode(ValidatedAuthorizeRequest request, BrowserSession session, AccountSignIn account, TestUser user)
    {
        var now = clock.GetUtcNow();
        var homeTenant = directory.HomeTenantOf(user);
        var code = new AuthorizationCode
        {
            Handle = "1.A" + OpaqueValues.NewHandle(96),
            Kind = request.RedirectKind,
            Binding = new GrantBinding(
                request.Application.ClientId,
                user.ObjectId,
                session.Id,
                account.Sid,
                request.Tenant.TenantId ?? homeTenant,
                consent.ExpandDefault(request.Application, user, request.Scopes),
                account.AuthTime,
                account.Acrs),
            RedirectUri = request.RedirectUri,
            Nonce = request.Nonce,
            CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallengeMethod,
            ExpiresAt = now + directory.Options.Lifetimes.AuthorizationCode,
        };
        codes.Store(code);
        session.SignedInto(user.ObjectId, request.Application.ClientId);

        // Never cloud_instance_host_name or accountId: they re-target msal-browser (pitfall 16).
        var parameters = new List<KeyValuePair<string, string>> { new("code", code.Handle) };
        if (request.ReturnClientInfo)
        {
            parameters.Add(new("client_info", ClientInfo.Encode(user.ObjectId, homeTenant)));
        }

        if (request.State is not null)
        {
            parameters.Add(new("state", request.State));
        }

        parameters.Add(new("session_state", session.SessionState));
        return parameters;
    }
}
