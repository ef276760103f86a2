namespace HybridSpa.Benchmarks.Browser;

/// <summary>
/// What the page's own Resource Timing says, on the page's clock (ms since its time origin): when the host page's response
/// ended, and when the first token request started and ended. The same source for every mode, so the modes compare.
/// </summary>
internal sealed record ResourceTimings(double HostPageResponseEnd, double BundleResponseEnd, double TokenRequestStart, double TokenResponseEnd)
{
    /// <summary>Reads the timings; null when the page has made no token request.</summary>
    public const string Script = """
        () => {
          const navigation = performance.getEntriesByType('navigation')[0];
          const resources = performance.getEntriesByType('resource');
          const token = resources.find(e => new URL(e.name).pathname.endsWith('/oauth2/v2.0/token'));
          const bundle = resources.find(e => /\/app\/assets\/.*\.js$/.test(new URL(e.name).pathname));
          return token === undefined || bundle === undefined ? null : {
            hostPageResponseEnd: navigation.responseEnd, bundleResponseEnd: bundle.responseEnd,
            tokenRequestStart: token.startTime, tokenResponseEnd: token.responseEnd,
          };
        }
        """;

    /// <summary>From the host page's last response byte to the token response's last byte.</summary>
    public double TimeToFirstToken => TokenResponseEnd - HostPageResponseEnd;

    /// <summary>Host page response end → the SPA bundle's last byte (parse, fetch of the module script).</summary>
    public double BundleLoad => BundleResponseEnd - HostPageResponseEnd;

    /// <summary>Bundle loaded → token request sent: evaluating the bundle, React's first render, MSAL's initialize and request building.</summary>
    public double SpaStart => TokenRequestStart - BundleResponseEnd;

    /// <summary>The token request alone.</summary>
    public double TokenRequest => TokenResponseEnd - TokenRequestStart;
}
