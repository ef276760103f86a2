using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>Graph <c>/v1.0/me</c> and <c>/v1.0/me/messages</c> behind the named Graph HttpClient; records the bearer tokens it receives.</summary>
public sealed class GraphDouble : HttpMessageHandler
{
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>The name <c>/me</c> answers with: the user chose it, so tests make it hostile.</summary>
    public string DisplayName { get; set; } = "Graph Ada";

    /// <summary>The sign-in name <c>/me</c> answers with.</summary>
    public string UserPrincipalName { get; set; } = "ada@contoso.test";

    /// <summary>The mail address <c>/me</c> answers with.</summary>
    public string Mail { get; set; } = "ada@contoso.test";

    /// <summary>When set, every call fails this way instead of answering: Graph is down.</summary>
    public Func<HttpResponseMessage>? Outage { get; set; }

    /// <summary>When true, every call waits until it is cancelled: Graph hangs.</summary>
    public bool Hangs { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Authorizations.Enqueue(request.Headers.Authorization?.ToString());
        if (Hangs)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Outage is { } outage)
        {
            return outage();
        }

        object? body = request.RequestUri!.AbsolutePath switch
        {
            "/v1.0/me" => new { id = "graph-id", displayName = DisplayName, userPrincipalName = UserPrincipalName, mail = Mail },
            "/v1.0/me/messages" => new
            {
                value = new[] { new { subject = "Quarterly numbers", receivedDateTime = "2026-11-20T09:00:00Z", from = new { emailAddress = new { name = "Megan Bowen", address = "megan@contoso.test" } } } },
            },
            _ => null,
        };
        return body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("""{"error":{"code":"Request_ResourceNotFound","message":"Not found."}}""", Encoding.UTF8, "application/json"),
            }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
    }
}
