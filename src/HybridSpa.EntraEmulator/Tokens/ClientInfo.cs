using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>The <c>client_info</c> value: base64url (no padding) of <c>{"uid":oid,"utid":home tenant}</c>.</summary>
internal static class ClientInfo
{
    public static string Encode(string objectId, string homeTenantId) =>
        Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["uid"] = objectId, ["utid"] = homeTenantId }));
}
