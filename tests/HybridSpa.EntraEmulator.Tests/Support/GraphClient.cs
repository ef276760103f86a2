using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>Calls the Graph emulator as a SPA would: bearer token, optional Origin; returns the status, headers and JSON.</summary>
public sealed class GraphClient(EntraEmulatorHost host, HttpClient client)
{
    public async Task<GraphResponse> GetAsync(string pathOrUrl, string? token, string? origin = null, HttpMethod? method = null)
    {
        var url = pathOrUrl.StartsWith("https://", StringComparison.Ordinal) ? pathOrUrl : $"{host.BaseAddress}{pathOrUrl.TrimStart('/')}";
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(url));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new GraphResponse(response.StatusCode, headers, json);
    }
}

/// <summary>A Graph answer.</summary>
public sealed record GraphResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, JsonElement Json)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ErrorCode => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : null;

    public JsonElement[] Value => [.. Json.GetProperty("value").EnumerateArray()];

    public string? NextLink => Json.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
}
