using System.Globalization;
using System.Text.Json;
using HybridSpa.EntraEmulator.Errors;

namespace HybridSpa.EntraEmulator.Claims;

/// <summary>
/// The OIDC <c>claims</c> request parameter (OIDC Core §5.5) as far as the emulator honours it: client capabilities
/// (<c>access_token.xms_cc.values</c>, e.g. <c>cp1</c>), an authentication context (<c>access_token.acrs</c>) and a
/// revocation time (<c>access_token.nbf</c>). Other requested claims are accepted and ignored, as Entra does for optional ones.
/// </summary>
internal sealed record ClaimsRequest(IReadOnlyList<string> ClientCapabilities, string? Acrs, long? NotBefore)
{
    /// <summary>UNCONFIRMED: Entra's limit on the claims parameter; MSAL's own requests stay far below it.</summary>
    public const int MaxLength = 4096;

    /// <summary>The only client capability Entra defines: "the client can handle claims challenges" (CAE).</summary>
    public const string Cp1 = "cp1";

    public static readonly ClaimsRequest None = new([], null, null);

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    /// <summary>True when the client declared <c>cp1</c> (case-insensitive: msal-browser sends "CP1", MSAL.NET what the app configured).</summary>
    public bool IsCaeCapable => ClientCapabilities.Any(c => c.Equals(Cp1, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a sign-in that stepped up for <paramref name="acrs"/> satisfies the requested authentication context.</summary>
    public bool IsSatisfiedBy(IReadOnlyList<string>? acrs) => Acrs is null || (acrs?.Contains(Acrs, StringComparer.OrdinalIgnoreCase) ?? false);

    public static (ClaimsRequest? Request, AadstsError? Error) Parse(string? json)
    {
        if (json is null)
        {
            return (None, null);
        }

        if (json.Length > MaxLength)
        {
            return (null, AadstsErrors.InvalidClaims());
        }

        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Read(document.RootElement) is { } request ? (request, null) : (null, AadstsErrors.InvalidClaims());
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // ArgumentException: text that cannot be transcoded (a lone surrogate), should a decoder ever let one through.
            return (null, AadstsErrors.InvalidClaims());
        }
    }

    private static ClaimsRequest? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var target in root.EnumerateObject())
        {
            if (target.Value.ValueKind != JsonValueKind.Object || target.Value.EnumerateObject().Any(c => c.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)))
            {
                return null;
            }
        }

        if (!root.TryGetProperty("access_token", out var accessToken))
        {
            return None;
        }

        var capabilities = accessToken.TryGetProperty("xms_cc", out var xmsCc) ? Strings(xmsCc, "values") : [];
        var acrs = accessToken.TryGetProperty("acrs", out var acrsRequest) ? Strings(acrsRequest, "value").Concat(Strings(acrsRequest, "values")).ToList() : [];
        long? notBefore = null;
        if (accessToken.TryGetProperty("nbf", out var nbf) && nbf.ValueKind == JsonValueKind.Object && nbf.TryGetProperty("value", out var nbfValue))
        {
            notBefore = EpochSeconds(nbfValue);
            if (notBefore is null)
            {
                return null;
            }
        }

        if (acrs.Any(a => a.Length is 0 or > 64))
        {
            return null;
        }

        return new ClaimsRequest(capabilities, acrs.FirstOrDefault(), notBefore);
    }

    /// <summary>A member that is a string or an array of strings; anything else makes the whole request malformed.</summary>
    private static List<string> Strings(JsonElement claim, string member)
    {
        if (claim.ValueKind != JsonValueKind.Object || !claim.TryGetProperty(member, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) => [.. value.EnumerateArray().Select(v => v.GetString()!)],
            _ => throw new JsonException("A claims value must be a string or an array of strings."),
        };
    }

    /// <summary>The nbf value: epoch seconds, as a number or (as Graph's challenges send it) a string.</summary>
    private static long? EpochSeconds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) && number >= 0 => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
