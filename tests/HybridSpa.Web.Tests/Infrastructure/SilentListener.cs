using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>
/// A loopback port that accepts every connection and never sends a byte: a dependency that hangs (a database, a collector)
/// rather than one that refuses.
/// </summary>
public sealed class SilentListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Socket> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private int _accepted;

    public SilentListener()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far (each is held open, unanswered).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var socket in _held)
        {
            socket.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _held.Add(await _listener.AcceptSocketAsync(_stop.Token));
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
