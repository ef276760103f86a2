using System.Net;
using System.Text;
using System.Text.Json;

namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>
/// Calls the emulator's HTTP control surface as an out-of-process test would (curl-shaped: JSON bodies, no Origin), with the
/// host's control token; <c>configure</c> may change or remove it.
/// </summary>
public sealed class ControlSurfaceClient(EntraEmulatorHost host, HttpClient client)
{
    public async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(string method, string path, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"{host.BaseAddress}emulator/{path}"));
        if (host.ControlSurfaceToken is { } token)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
