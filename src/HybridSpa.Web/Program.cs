using HybridSpa.Web.Authentication;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.Controllers;
using HybridSpa.Web.Emulator;
using HybridSpa.Web.Graph;
using HybridSpa.Web.Security;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.TokenAcquisition;

var builder = WebApplication.CreateBuilder(args);

builder.AddHybridSpaConfiguration();
builder.AddEmbeddedEntraEmulator();
builder.AddSharedState();
builder.AddHybridSpaAuthentication();
builder.AddTokenAcquisition();
builder.AddServerSideGraph();
builder.AddSpaHost();

var app = builder.Build();

app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseHttpsRedirection();
app.UseSecurityHeaders();
app.UseRouting();
app.UseHybridSpaAuthentication();
app.MapStaticAssets();
app.MapControllers();
app.MapSharedStateHealth();

app.Run();
