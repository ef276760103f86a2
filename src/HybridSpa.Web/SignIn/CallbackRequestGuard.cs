using HybridSpa.Web.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Lets only a plausible authorization response reach the sign-in handler: a small form POST (we ask for form_post, so a GET
/// would put the code in URLs and logs) with a few fields, none repeated. Anything else is a 400 page before the handler
/// reads a byte of it; the form read here is the one the handler then uses.
/// </summary>
internal sealed class CallbackRequestGuard(RequestDelegate next, SignInSettings settings)
{
    private const long MaxBodyBytes = 64 * 1024;

    // A code-flow response is a handful of short fields; anything larger is not from the identity provider.
    private static readonly FormOptions CallbackFormOptions = new()
    {
        ValueCountLimit = 32,
        KeyLengthLimit = 256,
        ValueLengthLimit = 32 * 1024,
        BufferBody = false,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path != settings.CallbackPath || await IsPlausibleAsync(context.Request))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static async Task<bool> IsPlausibleAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || request.ContentLength > MaxBodyBytes)
        {
            return false;
        }

        try
        {
            var form = new FormFeature(request, CallbackFormOptions);
            request.HttpContext.Features.Set<IFormFeature>(form);
            return (await form.ReadFormAsync(request.HttpContext.RequestAborted)).All(field => field.Value.Count == 1);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            // BadHttpRequestException: the server could not read the body at all (a malformed chunked encoding, a body cut short).
            return false;
        }
    }
}
