using System.Text;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>
/// An HTTP Basic Authorization header as RFC 6749 §2.3.1 defines it for clients: the client id and secret, each
/// form-urlencoded, joined by a colon, then base64.
/// </summary>
internal sealed record BasicCredentials(string ClientId, string Secret)
{
    /// <summary>Null when there is no Basic header; <paramref name="malformed"/> when there is one that cannot be read.</summary>
    public static BasicCredentials? From(string? authorization, out bool malformed)
    {
        malformed = false;
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var separator = decoded.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0)
            {
                return new BasicCredentials(FormDecode(decoded[..separator]), FormDecode(decoded[(separator + 1)..]));
            }
        }
        catch (FormatException)
        {
            // Not base64: reported as malformed below.
        }

        malformed = true;
        return null;
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
