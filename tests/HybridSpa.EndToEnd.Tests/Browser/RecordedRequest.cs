namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>One request the browser made, as the network saw it.</summary>
public sealed record RecordedRequest(string Method, Uri Url, string ResourceType, string? PostData)
{
    /// <summary>True when the request went to <paramref name="origin"/> (scheme, host and port).</summary>
    public bool IsTo(Uri origin) => Uri.Compare(Url, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
