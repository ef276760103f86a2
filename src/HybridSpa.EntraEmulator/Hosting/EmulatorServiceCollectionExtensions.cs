using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Control;
using HybridSpa.EntraEmulator.Endpoints;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Graph;
using HybridSpa.EntraEmulator.Pages;
using HybridSpa.EntraEmulator.ResponseGeneration;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;
using HybridSpa.EntraEmulator.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>Registers the emulator's endpoints, validators, response generators and stores (all singletons: state lives in memory).</summary>
internal static class EmulatorServiceCollectionExtensions
{
    public static IServiceCollection AddEntraEmulator(
        this IServiceCollection services, EntraEmulatorOptions options, EmulatorClock clock, EmulatorUrls urls, SigningKeyRing keys, string? controlSurfaceToken)
    {
        services.AddSingleton(options);
        services.AddSingleton(new ConfiguredOptions(options));
        services.AddSingleton<EmulatorState>();
        if (controlSurfaceToken is not null)
        {
            services.AddSingleton(new ControlSurfaceCredential(controlSurfaceToken));
            services.AddSingleton<ControlSurfaceGuard>();
            services.AddSingleton<ControlSurfaceEndpoints>();
        }

        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(urls);
        services.AddSingleton(keys);
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<EmulatorDirectory>();

        // Stores
        services.AddSingleton<AuthorizationCodeStore>();
        services.AddSingleton<RefreshTokenStore>();
        services.AddSingleton<BrowserSessionStore>();
        services.AddSingleton<ConsentStore>();
        services.AddSingleton<AssertionReplayCache>();
        services.AddSingleton<SignInRevocations>();

        // Tokens
        services.AddSingleton<JwtSigner>();
        services.AddSingleton<IdTokenFactory>();
        services.AddSingleton<GraphAccessTokenFactory>();
        services.AddSingleton<EmulatorTokenValidator>();

        // Validation
        services.AddSingleton<ConsentPolicy>();
        services.AddSingleton<ClientAssertionValidator>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<AuthorizationCodeGrantValidator>();
        services.AddSingleton<RefreshTokenGrantValidator>();
        services.AddSingleton<ClientCredentialsGrantValidator>();
        services.AddSingleton<TokenRequestValidator>();
        services.AddSingleton<AuthorizeRequestValidator>();

        // Response generation and pages
        services.AddSingleton<TokenResponseGenerator>();
        services.AddSingleton<AuthorizeInteractionGenerator>();
        services.AddSingleton<AuthorizeResponseGenerator>();
        services.AddSingleton<FlowTokenProtector>();
        services.AddSingleton<EntraErrorWriter>();

        // Endpoints
        services.AddSingleton<CorsHeaders>();
        services.AddSingleton<DiscoveryEndpoint>();
        services.AddSingleton<KeysEndpoint>();
        services.AddSingleton<InstanceDiscoveryEndpoint>();
        services.AddSingleton<AuthorizeFlow>();
        services.AddSingleton<AuthorizeEndpoint>();
        services.AddSingleton<LoginEndpoint>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<LogoutEndpoint>();
        services.AddSingleton<NotFoundEndpoint>();
        services.AddSingleton<MethodNotAllowedEndpoint>();

        // Graph
        services.AddSingleton<GraphErrorWriter>();
        services.AddSingleton<GraphTokenAuthenticator>();
        services.AddSingleton<AvatarGenerator>();
        services.AddSingleton<GraphPipeline>();
        services.AddSingleton<GraphClaimsChallenge>();
        services.AddSingleton<GraphResponseWriter>();
        services.AddSingleton<MeEndpoint>();
        services.AddSingleton<PhotoEndpoint>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddSingleton<ContactsEndpoint>();
        services.AddSingleton<UsersEndpoint>();
        services.AddSingleton<UserInfoEndpoint>();
        services.AddSingleton<GraphPreflight>();
        return services;
    }
}
