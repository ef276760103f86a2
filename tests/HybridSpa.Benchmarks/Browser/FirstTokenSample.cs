namespace HybridSpa.Benchmarks.Browser;

/// <summary>One sign-in: time to the first Graph token, the token request alone, and the requests the browser sent to the IdP.</summary>
/// <param name="TimeToFirstTokenMs">Host page response end → token response end (null for the floor, which has no host page run).</param>
/// <param name="BundleLoadMs">Host page response end → the entry module loaded (null for the floor).</param>
/// <param name="SpaStartMs">Entry loaded → token request sent (null for the floor).</param>
/// <param name="TokenRequestMs">The token request alone.</param>
/// <param name="MsalCallMs">The SPA's own timeline: the acquireTokenByCode / ssoSilent call, request included (null for the floor).</param>
/// <param name="IdpRequests">Requests to the identity provider after the server sign-in (Graph excluded).</param>
/// <param name="DiscoveryRequests">Of those, metadata discovery requests (the SPA gets the metadata embedded).</param>
/// <param name="Iframes">Frames the page created.</param>
/// <param name="JsEncodedBytes">The host page's JavaScript as it crossed the network (null for the floor).</param>
/// <param name="JsDecodedBytes">The same JavaScript decoded (null for the floor).</param>
/// <param name="IframeFirstByteMs">
/// Request sent → first response byte of the hidden iframe's /authorize (null without an iframe): shows whether the
/// network emulation reached the iframe.
/// </param>
internal sealed record FirstTokenSample(
    double? TimeToFirstTokenMs, double? BundleLoadMs, double? SpaStartMs, double TokenRequestMs, double? MsalCallMs, int IdpRequests, int DiscoveryRequests, int Iframes,
    double? JsEncodedBytes = null, double? JsDecodedBytes = null, double? IframeFirstByteMs = null);
