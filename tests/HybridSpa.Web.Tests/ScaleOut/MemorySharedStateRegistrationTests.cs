using HybridSpa.Web.HandOff;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>Without a <c>Cache</c> section nothing is shared: what <c>dotnet run</c> and every single-instance test use.</summary>
public sealed class MemorySharedStateRegistrationTests
{
    [Fact]
    public async Task Without_configuration_the_state_stays_in_memory()
    {
        await using var app = SharedStateHost.Build(new Dictionary<string, string?>());

        Assert.IsType<MemoryDistributedCache>(app.Services.GetRequiredService<IDistributedCache>());
        Assert.IsType<MemoryTakeOnceSpaCodeStore>(app.Services.GetRequiredService<ITakeOnceSpaCodeStore>());
    }
}
