using System.Globalization;

namespace HybridSpa.EntraEmulator.Errors;

/// <summary>An <see cref="AadstsError"/> stamped with trace id, correlation id and time, in the shapes Entra uses for JSON and redirects.</summary>
internal sealed record EntraErrorResponse(AadstsError Error, string TraceId, string CorrelationId, DateTimeOffset Timestamp)
{
    public static EntraErrorResponse Create(AadstsError error, HttpContext context, TimeProvider clock) =>
        new(error, Guid.NewGuid().ToString(), RequestCorrelation.Get(context), clock.GetUtcNow());

    public string Description =>
        $"AADSTS{Error.Code}: {Error.Message} Trace ID: {TraceId} Correlation ID: {CorrelationId} Timestamp: {Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z";

    /// <summary>The token endpoint's JSON body, in Entra's member order.</summary>
    public Dictionary<string, object> ToJsonBody()
    {
        var body = new Dictionary<string, object>
        {
            ["error"] = Error.Error,
            ["error_description"] = Description,
            ["error_codes"] = new[] { Error.Code },
            ["timestamp"] = Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ssZ", CultureInfo.InvariantCulture),
            ["trace_id"] = TraceId,
            ["correlation_id"] = CorrelationId,
            ["error_uri"] = Error.ErrorUri,
        };
        if (Error.Suberror is not null)
        {
            body["suberror"] = Error.Suberror;
        }

        return body;
    }

    /// <summary>The parameters sent back to a redirect URI from /authorize.</summary>
    public List<KeyValuePair<string, string>> ToRedirectParameters()
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("error", Error.Error),
            new("error_description", Description),
            new("error_uri", Error.ErrorUri),
        };
        if (Error.Suberror is not null)
        {
            parameters.Add(new("suberror", Error.Suberror));
        }

        return parameters;
    }
}
