using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The scheme, host and client address the app settled on for each request it answered, forwarded headers applied.</summary>
public sealed class RequestsSeen : IStartupFilter
{
    private readonly ConcurrentQueue<RequestSeen> _seen = new();

    public IReadOnlyList<RequestSeen> All => [.. _seen];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Read once the app has answered: UseForwardedHeaders, further in, changes the request in place.
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context);
            _seen.Enqueue(new(context.Request.Scheme, context.Request.Host.Value, context.Connection.RemoteIpAddress));
        });
        next(app);
    };
}

public sealed record RequestSeen(string Scheme, string? Host, IPAddress? ClientAddress);
