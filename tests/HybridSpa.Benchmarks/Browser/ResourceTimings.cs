namespace HybridSpa.Benchmarks.Browser;

/// <summary>
/// What the page's own Resource Timing says, on the page's clock (ms since its time origin): when the host page's response
/// ended, when the entry module (the page's module script) ended, when the first token request started and ended, and the
/// bytes of the host page's JavaScript (every /app/assets/*.js it loaded) as they crossed the network and once decoded.
/// The same source for every mode, so the modes compare.
/// </summary>
internal sealed record ResourceTimings(
    double HostPageResponseEnd, double BundleResponseEnd, double TokenRequestStart, double TokenResponseEnd, double JsEncodedBytes, double JsDecodedBytes)
{
    /// <summary>Reads the timings; null when the page has made no token request yet.</summary>
    public const string Script = """
        () => {
          const navigation = performance.getEntriesByType('navigation')[0];
          const resources = performance.getEntriesByType('resource');
          const token = resources.find(e => new URL(e.name).pathname.endsWith('/oauth2/v2.0/token'));
          const entrySrc = document.querySelector('script[type=module]')?.src;
          const entry = resources.find(e => e.name === entrySrc);
          const scripts = resources.filter(e => /\/app\/assets\/.*\.js$/.test(new URL(e.name).pathname));
          return token === undefined || entry === undefined || token.responseEnd === 0 ? null : {
            hostPageResponseEnd: navigation.responseEnd, bundleResponseEnd: entry.responseEnd,
            tokenRequestStart: token.startTime, tokenResponseEnd: token.responseEnd,
            jsEncodedBytes: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
            jsDecodedBytes: scripts.reduce((sum, e) => sum + e.decodedBodySize, 0),
          };
        }
        """;

    /// <summary>From the host page's last response byte to the token response's last byte.</summary>
    public double TimeToFirstToken => TokenResponseEnd - HostPageResponseEnd;

    /// <summary>Host page response end → the entry module's last byte (parse, fetch of the module script).</summary>
    public double BundleLoad => BundleResponseEnd - HostPageResponseEnd;

    /// <summary>Entry loaded → token request sent: evaluating the entry, MSAL's initialize and request building.</summary>
    public double SpaStart => TokenRequestStart - BundleResponseEnd;

    /// <summary>The token request alone.</summary>
    public double TokenRequest => TokenResponseEnd - TokenRequestStart;
}
