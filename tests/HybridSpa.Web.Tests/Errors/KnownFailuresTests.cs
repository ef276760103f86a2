using System.Net;
using HybridSpa.Web.Errors;
using HybridSpa.Web.IdentityProvider;
using HybridSpa.Web.Profile;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;

namespace HybridSpa.Web.Tests.Errors;

/// <summary>
/// The known failures as the app registers them: a failure that several recognise gets the page of the one tried first
/// (the shared store, then Graph, then the identity provider), and only a dependency that is down counts as an outage.
/// </summary>
public sealed class KnownFailuresTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    private KnownFailures Failures => factory.Services.GetRequiredService<KnownFailures>();

    [Fact]
    public void Graph_not_answering_gets_Graph_s_page_although_its_network_failure_is_the_identity_provider_s_kind_too()
    {
        var page = Failures.PageFor(new GraphUnavailableException("Microsoft Graph could not be reached.", new HttpRequestException("refused")));

        Assert.NotNull(page);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, page.StatusCode);
        Assert.StartsWith("Microsoft Graph cannot be reached", page.Explanation, StringComparison.Ordinal);
        Assert.Equal(FailurePage.DefaultRetryAfter, page.RetryAfter);
    }

    [Fact]
    public void The_shared_store_failing_inside_a_network_failure_gets_the_shared_store_s_page()
    {
        var page = Failures.PageFor(new HttpRequestException("wrapped", new SharedStateUnavailableException()));

        Assert.NotNull(page);
        Assert.StartsWith("The app cannot reach its session store", page.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_identity_provider_not_answering_asks_for_a_retry_after_its_circuit_s_break()
    {
        var page = Failures.PageFor(new InvalidOperationException("metadata", new HttpRequestException("refused")));

        Assert.NotNull(page);
        Assert.StartsWith("The identity provider cannot be reached", page.Explanation, StringComparison.Ordinal);
        Assert.Equal(factory.Services.GetRequiredService<IOptions<IdentityProviderClientOptions>>().Value.CircuitBreaker.BreakDuration, page.RetryAfter);
    }

    [Fact]
    public void Dependencies_that_are_down_are_outages_and_refusals_unreadable_requests_and_bugs_are_not()
    {
        Assert.True(Failures.IsOutage(new SharedStateUnavailableException()));
        Assert.True(Failures.IsOutage(new HttpRequestException("refused")));
        Assert.True(Failures.IsOutage(new ApiException { ResponseStatusCode = (int)HttpStatusCode.ServiceUnavailable }));

        Assert.False(Failures.IsOutage(new ApiException { ResponseStatusCode = (int)HttpStatusCode.RequestHeaderFieldsTooLarge }));
        Assert.False(Failures.IsOutage(new BadHttpRequestException("cut short")));
        Assert.False(Failures.IsOutage(new InvalidOperationException("a bug")));
        Assert.Null(Failures.PageFor(new InvalidOperationException("a bug")));
        Assert.Null(Failures.PageFor(null));
    }
}
