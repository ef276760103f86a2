namespace HybridSpa.EntraEmulator.Configuration;

/// <summary>Rejects unusable configuration at start-up with a message that names the offending entry.</summary>
internal static partial class EntraEmulatorOptionsValidator
{
    public static void Validate(EntraEmulatorOptions options)
    {
        var problems = new List<string>();
        if (!Guid.TryParse(options.TenantId, out _))
        {
            problems.Add($"TenantId '{options.TenantId}' is not a GUID.");
        }

        if (options.Applications.Count == 0)
        {
            problems.Add("Applications is empty: configure at least one app registration.");
        }

        // Lists set to null (a JSON body can, configuration binding cannot) would fail every request that reads them.
        foreach (var app in options.Applications.Where(a => a is null || new object?[] { a.ClientSecrets, a.ClientCertificates, a.WebRedirectUris, a.SpaRedirectUris, a.PostLogoutRedirectUris, a.DefaultConsentedScopes, a.ApplicationPermissions, a.GraphAuthenticationContexts, a.OptionalClaims }.Contains(null)))
        {
            problems.Add($"Application '{app?.ClientId}': its lists and OptionalClaims must not be null.");
        }

        foreach (var user in options.Users.Where(u => u is null || new object?[] { u.DisplayName, u.BusinessPhones, u.Messages, u.Contacts }.Contains(null)
            || u.Messages.Contains(null!) || u.Contacts.Any(c => c is null || c.BusinessPhones is null || c.EmailAddresses is null)))
        {
            problems.Add($"User '{user?.ObjectId}': DisplayName, BusinessPhones, Messages and Contacts (and each contact's lists) must not be null.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid EntraEmulator configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        foreach (var app in options.Applications)
        {
            if (!Guid.TryParse(app.ClientId, out _))
            {
                problems.Add($"Application '{app.DisplayName}': ClientId '{app.ClientId}' is not a GUID.");
            }

            if (app.FrontChannelLogoutUrl is { } frontChannel
                && (!Uri.TryCreate(frontChannel, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback) || url.Fragment.Length > 0))
            {
                problems.Add($"Application '{app.ClientId}': FrontChannelLogoutUrl '{frontChannel}' must be an absolute https URI without a fragment (http only for localhost).");
            }

            foreach (var uri in app.WebRedirectUris.Concat(app.SpaRedirectUris).Concat(app.PostLogoutRedirectUris))
            {
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && !parsed.IsLoopback))
                {
                    problems.Add($"Application '{app.ClientId}': redirect URI '{uri}' must be an absolute https URI (http only for localhost).");
                }
            }

            foreach (var permission in app.ApplicationPermissions.Where(p => string.IsNullOrWhiteSpace(p) || p.Any(char.IsWhiteSpace)))
            {
                problems.Add($"Application '{app.ClientId}': application permission '{permission}' must be one permission name, such as User.Read.All.");
            }

            foreach (var (path, context) in app.GraphAuthenticationContexts)
            {
                if (!path.StartsWith("/v1.0/", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(context) || !AuthenticationContextId().IsMatch(context))
                {
                    problems.Add($"Application '{app.ClientId}': GraphAuthenticationContexts entry '{path}' = '{context}' must map a Graph path such as /v1.0/me/messages to an authentication context id c1 … c99.");
                }
            }
        }

        AddDuplicates(problems, options.Applications.Select(a => a.ClientId), "client id");
        foreach (var user in options.Users)
        {
            if (!Guid.TryParse(user.ObjectId, out _))
            {
                problems.Add($"User '{user.UserPrincipalName}': ObjectId '{user.ObjectId}' is not a GUID.");
            }

            if (string.IsNullOrWhiteSpace(user.UserPrincipalName))
            {
                problems.Add($"User '{user.ObjectId}' has no UserPrincipalName.");
            }
        }

        AddDuplicates(problems, options.Users.Select(u => u.ObjectId), "user object id");
        AddDuplicates(problems, options.Users.Select(u => u.UserPrincipalName), "user principal name");
        if (options.Lifetimes.AccessTokenMin <= TimeSpan.Zero || options.Lifetimes.AccessTokenMax < options.Lifetimes.AccessTokenMin)
        {
            problems.Add("Lifetimes: AccessTokenMin must be positive and not greater than AccessTokenMax.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid EntraEmulator configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    private static void AddDuplicates(List<string> problems, IEnumerable<string> values, string what)
    {
        foreach (var duplicate in values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Duplicate {what} '{duplicate.Key}'.");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^c([1-9]|[1-9][0-9])$")]
    private static partial System.Text.RegularExpressions.Regex AuthenticationContextId();
}
