namespace HybridSpa.Web.Security;

/// <summary>Registers the security headers.</summary>
public static class SecurityHeadersExtensions
{
    /// <summary>Adds the per-request CSP nonce.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) => services.AddScoped<CspNonce>();

    /// <summary>Adds CSP, nosniff, no-referrer and frame-ancestors headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeadersMiddleware>();
}
