using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.ResponseGeneration;
using HybridSpa.EntraEmulator.Validation;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary><c>POST /{tenant}/oauth2/v2.0/token</c>: parses HTTP, hands the request to the validator, writes tokens or the error.</summary>
internal sealed class TokenEndpoint(
    EmulatorDirectory directory,
    CorsHeaders cors,
    TokenRequestValidator validator,
    TokenResponseGenerator generator,
    EntraErrorWriter errors)
{
    public async Task HandleAsync(HttpContext context, string tenant)
    {
        cors.Apply(context);
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            cors.AnswerPreflight(context, "POST, OPTIONS");
            return;
        }

        var route = TenantRoute.Resolve(tenant, directory);
        if (route is null)
        {
            await errors.WriteJsonAsync(context, AadstsErrors.TenantNotFound(tenant)).ConfigureAwait(false);
            return;
        }

        var (parameters, parseError) = await RequestParameters.ReadAsync(context).ConfigureAwait(false);
        if (parseError is not null)
        {
            await errors.WriteJsonAsync(context, parseError).ConfigureAwait(false);
            return;
        }

        var request = new TokenRequest(
            route,
            parameters!,
            CorsHeaders.OriginOf(context),
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Connection.RemoteIpAddress?.ToString());
        var result = validator.Validate(request);
        if (result.Error is not null)
        {
            await errors.WriteJsonAsync(context, result.Error).ConfigureAwait(false);
            return;
        }

        NoCache.Apply(context.Response);
        context.Response.Headers["client-request-id"] = RequestCorrelation.Get(context);
        var body = result.AppOnly is { } appOnly ? generator.CreateAppOnly(appOnly) : generator.Create(result.Request!);
        await context.Response.WriteAsJsonAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
