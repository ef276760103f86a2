using System.Net.Sockets;
using System.Text;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>
/// A callback body the server cannot even read: Kestrel itself (not the test server, which parses no chunked encoding)
/// refuses it with BadHttpRequestException while the guard reads the form. That is a 400 page, not a 500.
/// </summary>
public sealed class MalformedCallbackBodyTests : IDisposable
{
    private readonly HybridSpaFactory _factory = new();

    [Fact]
    public async Task A_malformed_chunked_body_on_the_callback_is_a_400_page_without_a_stack_trace()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var app = _factory.ClientOptions.BaseAddress;

        var response = await SendRawAsync(app, string.Join("\r\n",
            "POST /signin-oidc HTTP/1.1",
            $"Host: {app.Authority}",
            "Content-Type: application/x-www-form-urlencoded",
            "Transfer-Encoding: chunked",
            "Connection: close",
            "",
            "zz",
            "code=abc&state=def",
            "0",
            "",
            ""));

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response, StringComparison.Ordinal);
    }

    private static async Task<string> SendRawAsync(Uri app, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(app.Host, app.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    public void Dispose() => _factory.Dispose();
}
