using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>UTF-8 serializer for the protected nonce (ASP.NET Core's equivalent is internal).</summary>
internal sealed class StringDataSerializer : IDataSerializer<string>
{
    public byte[] Serialize(string model) => Encoding.UTF8.GetBytes(model);

    public string? Deserialize(byte[] data)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
