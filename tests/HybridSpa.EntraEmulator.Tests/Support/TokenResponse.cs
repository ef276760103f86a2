using System.Net;
using System.Text.Json;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>A /token answer: status, headers and the JSON body.</summary>
public sealed record TokenResponse(HttpStatusCode Status, HttpResponseMessage Message, JsonElement Json)
{
    public string? this[string name] => Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool Has(string name) => Json.TryGetProperty(name, out _);

    public int ErrorCode => Json.GetProperty("error_codes")[0].GetInt32();

    public string? AllowOrigin => Message.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    public static async Task<TokenResponse> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return new TokenResponse(response.StatusCode, response, json);
    }

    /// <summary>Asserts Entra's error envelope with this status, error and AADSTS code.</summary>
    public void AssertError(HttpStatusCode status, string error, int code)
    {
        Assert.Equal(status, Status);
        Assert.Equal(error, this["error"]);
        Assert.Equal(code, ErrorCode);
        Assert.StartsWith($"AADSTS{code}: ", this["error_description"]);
    }
}
