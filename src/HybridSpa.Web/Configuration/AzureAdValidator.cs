using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.Configuration;

/// <summary>
/// Fails startup with a message that says which <c>AzureAd</c> key is wrong and where to read about it. It validates
/// Identity.Web's own binding of the section, for the one scheme (<paramref name="scheme"/>) whose options the app reads.
/// </summary>
public sealed class AzureAdValidator(string scheme) : IValidateOptions<MicrosoftIdentityOptions>
{
    private const string SeeDocs = " — see docs/real-tenant.md";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MicrosoftIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != scheme)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var (instanceSetting, tenantId) = SignInSettings.InstanceAndTenant(options);

        if (!Uri.TryCreate(instanceSetting, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("AzureAd:Instance must be an absolute https URL such as https://login.microsoftonline.com/" + SeeDocs);
        }

        if (string.IsNullOrWhiteSpace(tenantId))
        {
            failures.Add("AzureAd:TenantId is not set" + SeeDocs);
        }
        else if (!Guid.TryParse(tenantId, out _) && !IsTenantAlias(tenantId))
        {
            failures.Add($"AzureAd:TenantId '{tenantId}' is neither a GUID nor organizations/common/consumers" + SeeDocs);
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("AzureAd:ClientId is not set" + SeeDocs);
        }
        else if (!Guid.TryParse(options.ClientId, out _))
        {
            failures.Add($"AzureAd:ClientId '{options.ClientId}' is not a GUID (the Application (client) ID of the app registration)" + SeeDocs);
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret) && options.ClientCertificates?.Any() != true)
        {
            failures.Add("AzureAd:ClientSecret is not set and AzureAd:ClientCertificates is empty: the app needs a credential to redeem codes (use dotnet user-secrets or an environment variable)" + SeeDocs);
        }

        foreach (var (key, path) in new[] { ("CallbackPath", options.CallbackPath), ("SignedOutCallbackPath", options.SignedOutCallbackPath) })
        {
            // A value without the leading '/' already stops the binder (PathString refuses it), naming the key.
            if (!path.HasValue)
            {
                failures.Add($"AzureAd:{key} must start with '/'" + SeeDocs);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsTenantAlias(string tenant) =>
        tenant is "organizations" or "common" or "consumers";
}
