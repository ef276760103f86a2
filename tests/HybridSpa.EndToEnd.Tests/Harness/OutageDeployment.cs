using System.Net.Sockets;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Http;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// The deployment with three switches the test flips: the shared store, and the identity provider and Graph as the app's
/// server reaches them (the browser still reaches the emulator). Adele has a long mail address and a long mail subject,
/// so narrow pages have something to wrap.
/// </summary>
public sealed class OutageDeployment : HybridSpaDeployment
{
    /// <summary>A mail address without a place to break for 80 characters.</summary>
    public const string LongMail = "adele.vance.retail-management.northwest-region@hybridspa-contoso-europe.onmicrosoft.com";

    /// <summary>A subject with a long unbroken file name in it.</summary>
    public const string LongSubject =
        "Fwd: Quarterly-retail-numbers-for-the-northwest-region-including-every-store_final_v7_REVIEWED.xlsx — please check before Friday";

    /// <summary>Creates the deployment with everything up.</summary>
    public OutageDeployment()
    {
        ConfigureEmulator = options =>
        {
            var adele = options.Users.Single(user => user.DisplayName == DefaultUsers.Adele);
            adele.Mail = LongMail;
            adele.Messages.Add(new MailboxMessage
            {
                Id = "long-subject",
                Subject = LongSubject,
                FromName = "Megan Bowen",
                FromAddress = "megan.bowen@hybridspa.onmicrosoft.com",
                ReceivedDateTime = DateTimeOffset.UtcNow,
            });
        };
        ConfigureAppServices = services =>
        {
            services.AddSingleton<IDistributedCache>(Store);
            services.AddHttpClient(HttpClientNames.IdentityProvider).AddHttpMessageHandler(() => new Outage(() => IdentityProviderDown));
            services.AddHttpClient(HttpClientNames.Graph).AddHttpMessageHandler(() => new Outage(() => GraphDown));
        };
    }

    /// <summary>The shared store; <c>Store.Down</c> fails every call the way PostgreSQL and Redis do when they are down.</summary>
    public SwitchableCache Store { get; } = new();

    /// <summary>While true, the app's calls to the identity provider are refused.</summary>
    public bool IdentityProviderDown { get; set; }

    /// <summary>While true, the app's calls to Graph are refused.</summary>
    public bool GraphDown { get; set; }

    /// <summary>Refuses the connection while its switch is on.</summary>
    private sealed class Outage(Func<bool> isDown) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => isDown()
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused ({request.RequestUri?.Authority})", new SocketException((int)SocketError.ConnectionRefused))
            : base.SendAsync(request, cancellationToken);
    }
}
