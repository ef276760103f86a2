using HybridSpa.Web.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>Derives what the options leave open: data protection, metadata address, configuration manager, audience.</summary>
public sealed class EntraSignInPostConfigureOptions(IDataProtectionProvider dataProtection, IHttpClientFactory httpClientFactory)
    : IPostConfigureOptions<EntraSignInOptions>
{
    /// <inheritdoc />
    public void PostConfigure(string? name, EntraSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DataProtectionProvider ??= dataProtection;

        // One purpose per scheme: a state or nonce minted for another scheme or another use does not unprotect here.
        var protector = options.DataProtectionProvider.CreateProtector(typeof(EntraSignInHandler).FullName!, name ?? string.Empty, "v1");
        options.StateDataFormat ??= new PropertiesDataFormat(protector);
        options.StringDataFormat ??= new SecureDataFormat<string>(new StringDataSerializer(), protector);

        options.Backchannel ??= httpClientFactory.CreateClient(HttpClientNames.IdentityProvider);
        options.TokenValidationParameters.ValidAudience ??= options.ClientId;

        if (string.IsNullOrEmpty(options.MetadataAddress) && !string.IsNullOrEmpty(options.Authority))
        {
            options.MetadataAddress = options.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
        }

        if (options.ConfigurationManager is null && !string.IsNullOrEmpty(options.MetadataAddress))
        {
            if (options.RequireHttpsMetadata && !options.MetadataAddress.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("The metadata address must use HTTPS unless RequireHttpsMetadata is false.");
            }

            options.ConfigurationManager = new EntraMetadataManager(
                options.MetadataAddress,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata },
                options.TimeProvider ?? TimeProvider.System,
                options.AutomaticRefreshInterval,
                options.RefreshInterval);
        }
    }
}
