using System.Net;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Security;

/// <summary>Fails startup naming the <c>ForwardedHeaders</c> entry that is not an address or a network.</summary>
public sealed class KnownProxiesOptionsValidator : IValidateOptions<KnownProxiesOptions>
{
    private const string SeeDocs = " — see docs/deploy.md";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KnownProxiesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var index = 0; index < options.KnownProxies.Count; index++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[index], out _))
            {
                failures.Add($"{KnownProxiesOptions.SectionName}:KnownProxies:{index} '{options.KnownProxies[index]}' is not an IP address, e.g. 10.0.0.4" + SeeDocs);
            }
        }

        for (var index = 0; index < options.KnownNetworks.Count; index++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[index], out _))
            {
                failures.Add($"{KnownProxiesOptions.SectionName}:KnownNetworks:{index} '{options.KnownNetworks[index]}' is not a network in CIDR notation, e.g. 10.0.0.0/24" + SeeDocs);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
