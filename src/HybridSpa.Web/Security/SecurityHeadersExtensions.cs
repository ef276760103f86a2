namespace HybridSpa.Web.Security;

/// <summary>Registers the security headers.</summary>
public static class SecurityHeadersExtensions
{
    /// <summary>Adds the per-request CSP nonce and HSTS for a year, subdomains included (UseHsts sends it outside Development).</summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddScoped<CspNonce>()
            .AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = true;
            });
        return builder;
    }

    /// <summary>Adds CSP, nosniff, no-referrer and frame-ancestors headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeadersMiddleware>();
}
