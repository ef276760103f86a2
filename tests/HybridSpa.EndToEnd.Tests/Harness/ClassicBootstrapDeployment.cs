namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>The deployment with <c>AzureAd:WithSpaAuthCode=false</c>: the server requests no SPA code.</summary>
public sealed class ClassicBootstrapDeployment : HybridSpaDeployment
{
    /// <summary>Configures the app for the classic bootstrap.</summary>
    public ClassicBootstrapDeployment() =>
        AppSettings = new Dictionary<string, string?> { ["AzureAd:WithSpaAuthCode"] = "false" };
}
