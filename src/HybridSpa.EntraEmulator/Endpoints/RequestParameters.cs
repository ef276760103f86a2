using HybridSpa.EntraEmulator.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace HybridSpa.EntraEmulator.Endpoints;

/// <summary>Reads protocol parameters from the query (GET) or the urlencoded body (POST); repeated or unreadable parameters are AADSTS9002313.</summary>
internal static class RequestParameters
{
    private static readonly FormOptions Limits = new() { ValueCountLimit = 256, KeyLengthLimit = 256, ValueLengthLimit = 64 * 1024 };

    public static async Task<(Dictionary<string, string>? Parameters, AadstsError? Error)> ReadAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            return Flatten(context.Request.Query);
        }

        if (!context.Request.HasFormContentType)
        {
            return (new Dictionary<string, string>(StringComparer.Ordinal), null);
        }

        try
        {
            var reader = new FormFeature(context.Request, Limits);
            var form = await reader.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            return Flatten(form);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or InvalidOperationException or System.Text.DecoderFallbackException)
        {
            return (null, AadstsErrors.MalformedRequest());
        }
    }

    private static (Dictionary<string, string>?, AadstsError?) Flatten(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (value.Count > 1)
            {
                return (null, AadstsErrors.MalformedRequest());
            }

            parameters[name] = value.ToString();
        }

        return (parameters, null);
    }
}
