using Polly;

namespace HybridSpa.Web.Profile;

/// <summary>The outermost handler of the Graph HttpClient: a call that got no answer fails as <see cref="GraphUnavailableException"/>.</summary>
internal sealed class GraphUnreachableHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException)
        {
            // ExecutionRejectedException: the resilience pipeline's timeout. The request's own cancellation passes through as it is.
            throw new GraphUnavailableException("Microsoft Graph could not be reached.", ex);
        }
    }
}
