using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.ScaleOut;
using Microsoft.AspNetCore.Hosting;

namespace HybridSpa.Web.Tests.Emulator;

/// <summary>The embedded emulator started from a partial <c>EntraEmulator</c> section fails with a message naming what is missing.</summary>
public sealed class PartialEmulatorSectionTests
{
    [Fact]
    public void A_section_with_only_users_fails_naming_the_missing_applications()
    {
        using var factory = new EmbeddedEmulatorFactory();
        factory.Settings["EntraEmulator:Users:0:ObjectId"] = "0a8f3c21-6b1e-4d2f-9c4a-7e5d3b2a1f00";
        factory.Settings["EntraEmulator:Users:0:UserPrincipalName"] = "only@hybridspa.onmicrosoft.com";
        factory.Settings["EntraEmulator:Users:0:DisplayName"] = "Only User";

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var configurationError = Assert.IsType<InvalidOperationException>(failure is InvalidOperationException ? failure : failure.InnerException);
        Assert.Contains("Applications is empty", configurationError.Message, StringComparison.Ordinal);
    }

    /// <summary>Development, with AzureAd:Instance on a free *.localhost port: the app hosts the emulator itself.</summary>
    private sealed class EmbeddedEmulatorFactory : HybridSpaFactory
    {
        public EmbeddedEmulatorFactory() => Settings["AzureAd:Instance"] = $"https://login.dev.localhost:{LoopbackPorts.Free()}/";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
