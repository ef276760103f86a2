using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>Stable Outlook-shaped ids and change keys for fixtures configured without an id.</summary>
internal static class GraphIds
{
    public static string Outlook(string kind, string ownerObjectId, int index) =>
        "AAMkA" + Base64UrlEncoder.Encode(Digest(kind, ownerObjectId, index.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "=";

    public static string ChangeKey(string id) => Convert.ToBase64String(Digest("changekey", id)[..12]);

    private static byte[] Digest(params string[] parts) => SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts).ToLowerInvariant()));
}
