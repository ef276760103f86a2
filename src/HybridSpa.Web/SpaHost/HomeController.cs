using HybridSpa.Web.Configuration;
using HybridSpa.Web.Routes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HybridSpa.Web.SpaHost;

/// <summary>Hosts the SPA: renders the bootstrap (with the SPA code, once) and loads the bundle.</summary>
[Authorize]
public sealed class HomeController(BootstrapModelFactory bootstrapFactory, ViteManifest manifest, SignInSettings signIn) : Controller
{
    /// <summary>The SPA host page.</summary>
    [HttpGet(SpaRoutes.HostPage)]
    public async Task<IActionResult> Index()
    {
        // The page may carry a single-use SPA code: no cache may keep it.
        Response.Headers.CacheControl = "no-store, no-cache";
        Response.Headers.Pragma = "no-cache";
        var bootstrap = await bootstrapFactory.CreateAsync(HttpContext);
        return View(new HomeViewModel(
            BootstrapSerializer.Serialize(bootstrap), manifest.GetEntry(), signIn.IdentityProviderOrigin));
    }
}
