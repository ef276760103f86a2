using System.Diagnostics;
using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Observability;

/// <summary>
/// Completes ASP.NET Core's own request span as OpenTelemetry's HTTP conventions name it: route, status code, span name
/// (<c>GET {route}</c>) and error; ASP.NET Core 10 tags the span only as it creates it (method, path, scheme, server), and
/// adds these itself from version 11 on. Health probes and scrapes are not recorded. Ours, not
/// <c>OpenTelemetry.Instrumentation.AspNetCore</c>: that package listens on ASP.NET Core's DiagnosticListener, and a listener
/// there alone puts MVC on its logged path for every action, about 3 % of a signed-in page's CPU (docs/benchmarks.md, item 6).
/// </summary>
internal sealed class RequestSpanCompletion(RequestDelegate next, IOptions<PrometheusEndpointOptions> prometheus)
{
    private readonly PrometheusEndpointOptions _prometheus = prometheus.Value;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is not { IsAllDataRequested: true } span)
        {
            return next(context);
        }

        if (IsOperatorEndpoint(context.Request.Path))
        {
            // Probes and scrapes arrive every few seconds and say nothing about sign-ins.
            span.IsAllDataRequested = false;
            span.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            return next(context);
        }

        return CompleteAfterAsync(context, span);
    }

    private async Task CompleteAfterAsync(HttpContext context, Activity span)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            // Escaped the error page: the server answers 500 if it can, and the span says what was thrown, never its message.
            HybridSpaDiagnostics.RecordFailure(span, exception);
            Complete(context, span, context.Response.HasStarted ? context.Response.StatusCode : StatusCodes.Status500InternalServerError);
            throw;
        }

        Complete(context, span, context.Response.StatusCode);
    }

    private static void Complete(HttpContext context, Activity span, int status)
    {
        // After the error page re-ran the pipeline, the route is the one that failed, not the error page's. The site's root is
        // the empty pattern.
        var pattern = ((context.Features.Get<IExceptionHandlerPathFeature>()?.Endpoint ?? context.GetEndpoint()) as RouteEndpoint)?.RoutePattern.RawText;
        var route = pattern is "" ? "/" : pattern;
        var method = span.GetTagItem("http.request.method") is string known and not "_OTHER" ? known : "HTTP";
        span.DisplayName = route is null ? method : $"{method} {route}";
        if (route is not null)
        {
            span.SetTag("http.route", route);
        }

        span.SetTag("http.response.status_code", status);
        span.SetTag("network.protocol.version", ProtocolVersion(context.Request.Protocol));
        if (context.Request.Headers.UserAgent is [{ Length: > 0 } userAgent])
        {
            span.SetTag("user_agent.original", userAgent);
        }

        if (status >= StatusCodes.Status500InternalServerError && span.Status != ActivityStatusCode.Error)
        {
            span.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            span.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static string ProtocolVersion(string protocol) => protocol switch
    {
        "HTTP/1.1" => "1.1",
        "HTTP/2" => "2",
        "HTTP/3" => "3",
        "HTTP/1.0" => "1.0",
        _ => protocol,
    };

    private bool IsOperatorEndpoint(PathString path) =>
        path.StartsWithSegments(SharedStateExtensions.HealthPath) || (_prometheus.Enabled && path.StartsWithSegments(_prometheus.Path));
}
