using System.Net.Sockets;

namespace HybridSpa.Web.SpaHost;

/// <summary>
/// The Vite dev server a front-end developer may run beside <c>dotnet run</c> (<c>npm run dev</c> in clientapp/): when
/// <c>Spa:DevServerUrl</c> is configured — appsettings.Development.json does, no other environment should — and something
/// answers there, the host page loads the SPA from it (hot module replacement); otherwise from the built bundle. Whether it
/// answers is checked at most every few seconds.
/// </summary>
public sealed class ViteDevServer
{
    /// <summary>The configuration key of the dev server's origin, e.g. <c>https://localhost:5173</c>.</summary>
    public const string UrlKey = "Spa:DevServerUrl";

    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(300);

    private readonly Uri? _url;
    private readonly TimeProvider _time = TimeProvider.System;
    // A reference, swapped whole: concurrent requests read either the previous check or the new one, never half of each.
    private volatile Check? _lastCheck;

    /// <summary>Reads the dev server's origin (https only: the host page is https).</summary>
    public ViteDevServer(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _url = Uri.TryCreate(configuration[UrlKey], UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : null;
    }

    /// <summary>The dev server's origin when it is configured and answering now; null means: serve the built bundle.</summary>
    public async ValueTask<Uri?> GetIfAnsweringAsync(CancellationToken cancellationToken)
    {
        if (_url is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var last = _lastCheck;
        if (last is null || now - last.At > RecheckAfter)
        {
            last = new Check(now, await AcceptsConnectionsAsync(_url, cancellationToken).ConfigureAwait(false));
            _lastCheck = last;
        }

        return last.Answering ? _url : null;
    }

    private static async Task<bool> AcceptsConnectionsAsync(Uri url, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(url.Host, url.Port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when ((exception is SocketException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private sealed record Check(DateTimeOffset At, bool Answering);
}
