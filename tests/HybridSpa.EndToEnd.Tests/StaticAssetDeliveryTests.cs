using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HybridSpa.EndToEnd.Tests.Harness;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// The SPA's entry chunk over HTTP, as MapStaticAssets serves it from the build: brotli compressed ahead of time, cacheable
/// for a year under its content-hashed name, with an ETag, and decoding to exactly the file Vite built.
/// </summary>
public sealed class StaticAssetDeliveryTests(HybridSpaDeployment stack) : IClassFixture<HybridSpaDeployment>
{
    [Fact]
    public async Task The_entry_chunk_is_served_brotli_compressed_and_immutable_and_decodes_to_the_built_file()
    {
        var (url, builtFile) = BuiltEntry();
        using var client = RawClient();

        using var response = await client.SendAsync(Get(url, "br, gzip"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable"), $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.NotNull(response.Headers.ETag);
        await using var decoded = new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var body = new MemoryStream();
        await decoded.CopyToAsync(body);
        Assert.Equal(await File.ReadAllBytesAsync(builtFile), body.ToArray());
    }

    [Fact]
    public async Task A_client_without_brotli_gets_gzip_and_a_revalidation_with_the_ETag_gets_304()
    {
        var (url, _) = BuiltEntry();
        using var client = RawClient();

        using var gzip = await client.SendAsync(Get(url, "gzip"));
        var revalidation = Get(url, "gzip");
        revalidation.Headers.IfNoneMatch.Add(gzip.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidation);

        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    private HttpClient RawClient() =>
        new(new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Instance.Thumbprint,
        })
        { BaseAddress = stack.AppOrigin };

    private static HttpRequestMessage Get(string url, string acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        return request;
    }

    /// <summary>The entry's URL and file, from the Vite manifest the app itself reads.</summary>
    private static (string Url, string File) BuiltEntry()
    {
        var appFolder = Path.Combine(Repository.Root, "src", "HybridSpa.Web", "wwwroot", "app");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(appFolder, ".vite", "manifest.json")));
        var file = manifest.RootElement.GetProperty("src/main.tsx").GetProperty("file").GetString()!;
        return ("/app/" + file, Path.Combine(appFolder, file));
    }
}
