using HybridSpa.Web.Configuration;
using HybridSpa.Web.SpaHost;
#if EMBEDDED_ENTRA_EMULATOR
using HybridSpa.Web.Emulator;
#endif
using HybridSpa.Web.Errors;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.IdentityProvider;
using HybridSpa.Web.Observability;
using HybridSpa.Web.Profile;
using HybridSpa.Web.Security;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SignIn;

var builder = WebApplication.CreateBuilder(args);

// The build's compressed copies of the bundle (obj/…/compressed) are found through the static web assets manifest, which only
// Development loads by default; any environment run from build output (tests, benchmarks) needs it too. Published apps have
// every file under wwwroot and no such manifest, so there it changes nothing.
builder.WebHost.UseStaticWebAssets();

builder.AddHybridSpaConfiguration();
builder.AddForwardedHeaders();
#if EMBEDDED_ENTRA_EMULATOR
// Debug builds only (dotnet run, the tests): a Release build, which is what gets published, has no emulator in it.
builder.AddEmbeddedEntraEmulator();
#endif
builder.AddSharedState();
builder.AddHybridSpaSignIn();
builder.AddFrontChannelLogout();
builder.AddIdentityProviderResilience();
builder.AddServerSideGraph();
builder.AddSpaHost();
builder.AddSecurityHeaders();
builder.AddHybridSpaTelemetry();

// The failures the error page explains instead of "Something went wrong", tried in this order: the shared store first (it fails
// deep inside the others, which wrap it), Graph before the identity provider (Graph's network failures are HttpRequestExceptions too).
builder.Services
    .AddKnownFailure<SharedStateUnavailable>()
    .AddKnownFailure<GraphUnavailable>()
    .AddKnownFailure<GraphRefusal>()
    .AddKnownFailure<IdentityProviderUnavailable>()
    .AddKnownFailure<UnreadableRequest>();

var app = builder.Build();

// Outermost: the request's span ends with the status the error pages chose.
app.UseHybridSpaTelemetry();

// Next: everything after it, error pages and HSTS included, sees the public scheme, host and client address.
app.UseForwardedHeaders();

// A fresh scope for the error page: the failed request's authentication handlers keep their failure (a ticket store that was
// down), and would fail the 503 page with it. The error page logs the failures it explains itself, once and without a stack.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    CreateScopeForErrors = true,
    SuppressDiagnosticsCallback = app.Services.GetRequiredService<KnownFailures>().AreLoggedByTheErrorPage,
});
app.UseStatusCodePagesWithReExecute("/error/{0}");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseHttpsRedirection();
app.UseSecurityHeaders();
app.UseRouting();
app.UseHybridSpaSignIn();
app.MapStaticAssets();
// Closed unless marked: a controller without [AllowAnonymous] requires a signed-in user; an unknown path stays a 404.
app.MapControllers().RequireAuthorization();
app.MapSharedStateHealth();
app.MapHybridSpaTelemetry();

app.Run();
