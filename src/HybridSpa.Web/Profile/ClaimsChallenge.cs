using System.Text;
using System.Text.Json;
using HybridSpa.Web.Errors;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions;

namespace HybridSpa.Web.Profile;

/// <summary>
/// The claims a resource or the app itself demands before it accepts the user's token (a CAE revocation's <c>nbf</c>, an
/// authentication context's <c>acrs</c>), as the JSON claims request MSAL and the authorize request carry (OIDC Core §5.5).
/// </summary>
public static class ClaimsChallenge
{
    /// <summary>Longest claims value accepted, encoded or not: a challenge is a few hundred characters; more is not one we answer.</summary>
    public const int MaxLength = 4096;

    /// <summary>The claims request for an access token carrying the authentication context <paramref name="contextId"/> (e.g. <c>c1</c>).</summary>
    public static string ForAuthenticationContext(string contextId) =>
        JsonSerializer.Serialize(new { access_token = new { acrs = new { essential = true, value = contextId } } });

    /// <summary>
    /// The JSON claims request in <paramref name="value"/> (base64, as Graph's <c>WWW-Authenticate</c> carries it, or plain JSON);
    /// throws <see cref="InvalidClaimsChallengeException"/> for anything that is not a short JSON object of objects.
    /// </summary>
    public static string Decode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            throw new InvalidClaimsChallengeException($"The claims challenge is empty or longer than {MaxLength} characters.");
        }

        var json = value.TrimStart().StartsWith('{') ? value : FromBase64(value);
        try
        {
            using var request = JsonDocument.Parse(json);
            if (request.RootElement.ValueKind != JsonValueKind.Object
                || !request.RootElement.EnumerateObject().Any()
                || request.RootElement.EnumerateObject().Any(token => token.Value.ValueKind != JsonValueKind.Object))
            {
                throw new InvalidClaimsChallengeException("The claims challenge is not a JSON claims request.");
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidClaimsChallengeException("The claims challenge is not JSON.", ex);
        }

        return json;
    }

    /// <summary>
    /// The claims Graph asked for when <paramref name="exception"/> or anything it wraps is Graph's 401 <c>insufficient_claims</c>
    /// (read with MSAL's <see cref="WwwAuthenticateParameters"/>), else null.
    /// </summary>
    public static string? OfGraphRefusal(Exception? exception)
    {
        string? claims = null;
        ExceptionCauses.Any(exception, cause =>
        {
            if (cause is ApiException { ResponseStatusCode: StatusCodes.Status401Unauthorized } refused)
            {
                using var response = new HttpResponseMessage();
                foreach (var (name, values) in refused.ResponseHeaders.Where(h => h.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase)))
                {
                    response.Headers.TryAddWithoutValidation(name, values);
                }

                string? challenged;
                try
                {
                    challenged = WwwAuthenticateParameters.GetClaimChallengeFromResponseHeaders(response.Headers);
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or MsalException)
                {
                    throw new InvalidClaimsChallengeException("Graph's WWW-Authenticate header could not be read.", ex);
                }

                if (challenged is not null)
                {
                    claims = Decode(challenged);
                    return true;
                }
            }

            return false;
        });
        return claims;
    }

    private static string FromBase64(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
        }
        catch (FormatException ex)
        {
            throw new InvalidClaimsChallengeException("The claims challenge is neither JSON nor base64.", ex);
        }
    }
}
