using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>Graph <c>/v1.0/me</c> behind the named Graph HttpClient; records the bearer tokens it receives.</summary>
public sealed class GraphDouble : HttpMessageHandler
{
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Authorizations.Enqueue(request.Headers.Authorization?.ToString());
        if (request.RequestUri!.AbsolutePath != "/v1.0/me")
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        var body = JsonSerializer.Serialize(new { id = "graph-id", displayName = "Graph Ada", userPrincipalName = "ada@contoso.test", mail = "ada@contoso.test" });
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
