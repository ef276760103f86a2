using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Configuration;

/// <summary>Validates <c>DownstreamApis:Graph</c> at startup.</summary>
public sealed class GraphApiOptionsValidator : IValidateOptions<GraphApiOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GraphApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("DownstreamApis:Graph:BaseUrl must be an absolute https URL such as https://graph.microsoft.com/v1.0");
        }

        if (options.Scopes.Count == 0 || options.Scopes.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("DownstreamApis:Graph:Scopes must list at least one scope, e.g. [\"User.Read\"]");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("DownstreamApis:Graph:Timeout must be between 00:00:00 (exclusive) and 00:05:00, e.g. 00:00:30");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
