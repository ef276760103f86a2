using HybridSpa.Web.Configuration;
using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>One instance's shared-state services, registered as Program.cs registers them, without the web pipeline.</summary>
internal static class SharedStateHost
{
    /// <summary>Builds (does not start) an app with <paramref name="cacheSettings"/> and the key ring certificates (Base64 PKCS#12).</summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> cacheSettings, params string[] keyRingCertificates)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var settings = new Dictionary<string, string?>(cacheSettings);
        for (var index = 0; index < keyRingCertificates.Length; index++)
        {
            settings[$"Cache:KeyRingCertificates:{index}:SourceType"] = "Base64Encoded";
            settings[$"Cache:KeyRingCertificates:{index}:Base64EncodedValue"] = keyRingCertificates[index];
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHybridSpaConfiguration();
        builder.AddSharedState();
        return builder.Build();
    }
}
