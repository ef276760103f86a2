using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.FrontChannelLogout;

/// <summary>Registers sign-out from elsewhere: the front-channel logout endpoint and the cookie events that honour it.</summary>
public static class FrontChannelLogoutExtensions
{
    /// <summary>Adds the shared record of identity-provider sessions and the cookie events that refuse ended ones.</summary>
    public static WebApplicationBuilder AddFrontChannelLogout(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IdentityProviderSessions>();
        builder.Services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, EndedSessionEvents>();
        return builder;
    }
}
