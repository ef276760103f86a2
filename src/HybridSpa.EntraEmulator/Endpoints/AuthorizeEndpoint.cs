using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Validation;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary><c>GET|POST /{tenant}/oauth2/v2.0/authorize</c>: validates the request, then single sign-on, a page, or an error.</summary>
internal sealed class AuthorizeEndpoint(
    EmulatorDirectory directory,
    AuthorizeRequestValidator validator,
    AuthorizeFlow flow,
    BrowserSessionStore sessions)
{
    public async Task HandleAsync(HttpContext context, string tenant)
    {
        var route = TenantRoute.Resolve(tenant, directory);
        if (route is null)
        {
            await flow.ErrorPageAsync(context, AadstsErrors.TenantNotFound(tenant.Length > 64 ? tenant[..64] : tenant)).ConfigureAwait(false);
            return;
        }

        var (parameters, parseError) = await RequestParameters.ReadAsync(context).ConfigureAwait(false);
        if (parseError is not null)
        {
            await flow.ErrorPageAsync(context, parseError).ConfigureAwait(false);
            return;
        }

        var result = validator.Validate(route, parameters!);
        if (result.PageError is not null)
        {
            await flow.ErrorPageAsync(context, result.PageError).ConfigureAwait(false);
            return;
        }

        if (result.RedirectError is not null)
        {
            await flow.RedirectErrorAsync(context, result.RedirectError).ConfigureAwait(false);
            return;
        }

        await flow.ContinueAsync(context, result.Request!, parameters!, BrowserCookies.FindSession(context, sessions)).ConfigureAwait(false);
    }
}
