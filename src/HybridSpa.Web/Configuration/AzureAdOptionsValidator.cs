using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Configuration;

/// <summary>Fails startup with a message that says which <c>AzureAd</c> key is wrong and where to read about it.</summary>
public sealed class AzureAdOptionsValidator : IValidateOptions<AzureAdOptions>
{
    private const string SeeDocs = " — see docs/real-tenant.md";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AzureAdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("AzureAd:Instance must be an absolute https URL such as https://login.microsoftonline.com/" + SeeDocs);
        }

        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("AzureAd:TenantId is not set" + SeeDocs);
        }
        else if (!Guid.TryParse(options.TenantId, out _) && !IsTenantAlias(options.TenantId))
        {
            failures.Add($"AzureAd:TenantId '{options.TenantId}' is neither a GUID nor organizations/common/consumers" + SeeDocs);
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("AzureAd:ClientId is not set" + SeeDocs);
        }
        else if (!Guid.TryParse(options.ClientId, out _))
        {
            failures.Add($"AzureAd:ClientId '{options.ClientId}' is not a GUID (the Application (client) ID of the app registration)" + SeeDocs);
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret) && options.ClientCertificates.Count == 0)
        {
            failures.Add("AzureAd:ClientSecret is not set and AzureAd:ClientCertificates is empty: the app needs a credential to redeem codes (use dotnet user-secrets or an environment variable)" + SeeDocs);
        }

        foreach (var (key, path) in new[] { ("CallbackPath", options.CallbackPath), ("SignedOutCallbackPath", options.SignedOutCallbackPath) })
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                failures.Add($"AzureAd:{key} must start with '/'" + SeeDocs);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsTenantAlias(string tenant) =>
        tenant is "organizations" or "common" or "consumers";
}
