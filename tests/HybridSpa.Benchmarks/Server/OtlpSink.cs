using System.Net;
using System.Net.Sockets;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// A collector that takes every OTLP/HTTP export and answers 200 at once, so the app pays for exporting (serializing, sending)
/// and nothing else. HttpListener rather than ASP.NET Core: the app's tracing listens to every ASP.NET Core host in the process,
/// and would trace its own exports.
/// </summary>
internal sealed class OtlpSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private long _exports;

    public OtlpSink()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = AnswerAsync();
    }

    public int Port { get; }

    public long Exports => Interlocked.Read(ref _exports);

    public void Dispose() => _listener.Close();

    private async Task AnswerAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await context.Request.InputStream.CopyToAsync(Stream.Null).ConfigureAwait(false);
            context.Response.StatusCode = 200;
            context.Response.Close();
            Interlocked.Increment(ref _exports);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
