using HybridSpa.Web.Assets;
using HybridSpa.Web.Bootstrap;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HybridSpa.Web.Controllers;

/// <summary>Hosts the SPA: renders the bootstrap (with the SPA code, once) and loads the bundle.</summary>
[Authorize]
public sealed class HomeController(BootstrapModelFactory bootstrapFactory, ViteManifest manifest) : Controller
{
    /// <summary>The SPA host page.</summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        // The page may carry a single-use SPA code: no cache may keep it.
        Response.Headers.CacheControl = "no-store, no-cache";
        Response.Headers.Pragma = "no-cache";
        var bootstrap = await bootstrapFactory.CreateAsync(HttpContext);
        return View(new HomeViewModel(
            BootstrapSerializer.Serialize(bootstrap), manifest.GetEntry(), new Uri(bootstrap.Authority).GetLeftPart(UriPartial.Authority)));
    }
}

/// <summary>What the SPA host view renders.</summary>
/// <param name="BootstrapJson">Encoded bootstrap JSON, safe to emit raw inside the script element.</param>
/// <param name="Entry">The built bundle, or null when the client app was not built.</param>
/// <param name="IdentityProviderOrigin">The authority's origin, which the SPA's first token request goes to.</param>
public sealed record HomeViewModel(string BootstrapJson, ViteEntry? Entry, string IdentityProviderOrigin);
