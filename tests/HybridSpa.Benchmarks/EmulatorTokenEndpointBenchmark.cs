using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using HybridSpa.Benchmarks.Reporting;
using HybridSpa.EntraEmulator;
using HybridSpa.EntraEmulator.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Benchmarks;

/// <summary>
/// Hybrid redemptions per second at the emulator's token endpoint (Web code + client secret + PKCE + return_spa_code=1, which
/// mints an access token and an id_token: two RS256 signatures) over real HTTPS on loopback, next to the RS256 signing bound
/// measured with the same key in the same run.
/// </summary>
internal static class EmulatorTokenEndpointBenchmark
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkArguments arguments)
    {
        var seconds = arguments.Int("seconds", 10);
        var clients = arguments.Int("clients", Environment.ProcessorCount * 2);
        var codes = arguments.Int("codes", 60_000);
        await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" }).ConfigureAwait(false);
        Console.WriteLine($"Emulator {host.BaseAddress} | {Environment.ProcessorCount} cores | {clients} concurrent clients | {seconds} s per phase");

        var pkce = CreatePkce();
        var pool = await MintCodesAsync(host, pkce.Challenge, codes, clients).ConfigureAwait(false);
        Console.WriteLine($"Minted {pool.Count} Web codes through /authorize (single sign-on, response_mode=query).");

        // The bound is the better of two signing runs, before and after the redemptions, so a burst of outside load during one
        // of them does not make the endpoint look faster than its bound.
        var signaturesBefore = MeasureSignatures(host, TimeSpan.FromSeconds(seconds));
        var redemptions = await RedeemAsync(host, pool, pkce.Verifier, clients, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        var signatures = Math.Max(signaturesBefore, MeasureSignatures(host, TimeSpan.FromSeconds(seconds)));
        var bound = signatures / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Token endpoint: {redemptions,10:N0} hybrid redemptions/s (Web code + return_spa_code, HTTPS, {clients} clients)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RS256 signing:  {signatures,10:N0} signatures/s (same key, {Environment.ProcessorCount} threads, better of 2 runs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Signing bound:  {bound,10:N0} redemptions/s (2 signatures per redemption)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio:          {redemptions / bound,10:P1} of the signing bound"));
        return
        [
            new("4", "**emulator** token endpoint: hybrid redemptions/s (Web code + secret + PKCE + `return_spa_code`, HTTPS, "
                + $"{clients} clients) vs the RS256 signing bound (2 signatures per redemption, same key, {Environment.ProcessorCount} threads)",
                string.Create(CultureInfo.InvariantCulture, $"{redemptions:N0}/s vs bound {bound:N0}/s = {redemptions / bound:P1}")),
        ];
    }

    private static async Task<ConcurrentQueue<string>> MintCodesAsync(EntraEmulatorHost host, string challenge, int count, int clients)
    {
        var cookies = new CookieContainer();
        var handler = EntraEmulatorConnectivity.CreateHandler(host.TlsCertificate);
        handler.CookieContainer = cookies;
        handler.AllowAutoRedirect = false;
        using var browser = new HttpClient(handler);
        var authorize = new Uri(
            $"{host.Authority}oauth2/v2.0/authorize?client_id={DevelopmentDefaults.ClientId}&response_type=code&response_mode=query"
            + $"&redirect_uri={Uri.EscapeDataString(DevelopmentDefaults.WebRedirectUri)}&scope={Uri.EscapeDataString("openid profile offline_access User.Read")}"
            + $"&code_challenge={challenge}&code_challenge_method=S256&client_info=1&nonce=n&state=s");
        var page = await browser.GetStringAsync(authorize).ConfigureAwait(false);
        var flowToken = WebUtility.HtmlDecode(page.Split("name=\"flowToken\" value=\"")[1].Split('"')[0]);
        using var signIn = await browser.PostAsync(new Uri($"{host.Authority}login"), new FormUrlEncodedContent(
            [new("flowToken", flowToken), new("action", "signin"), new("user", host.Options.Users[0].ObjectId)])).ConfigureAwait(false);

        var pool = new ConcurrentQueue<string>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (_, ct) =>
        {
            using var response = await browser.GetAsync(authorize, ct).ConfigureAwait(false);
            var query = response.Headers.Location!.Query;
            var code = query.Split('&').First(p => p.StartsWith("code=", StringComparison.Ordinal) || p.StartsWith("?code=", StringComparison.Ordinal)).Split('=', 2)[1];
            pool.Enqueue(Uri.UnescapeDataString(code));
        }).ConfigureAwait(false);
        return pool;
    }

    private static async Task<double> RedeemAsync(EntraEmulatorHost host, ConcurrentQueue<string> pool, string verifier, int clients, TimeSpan duration)
    {
        using var client = new HttpClient(host.CreateHttpHandler());
        var endpoint = new Uri($"{host.Authority}oauth2/v2.0/token");
        var completed = 0;
        var failed = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration && pool.TryDequeue(out var code))
            {
                var body = "client_id=" + DevelopmentDefaults.ClientId + "&client_secret=" + Uri.EscapeDataString(DevelopmentDefaults.ClientSecret)
                    + "&scope=" + Uri.EscapeDataString("offline_access openid profile User.Read") + "&client_info=1&grant_type=authorization_code"
                    + "&code=" + Uri.EscapeDataString(code) + "&redirect_uri=" + Uri.EscapeDataString(DevelopmentDefaults.WebRedirectUri)
                    + "&code_verifier=" + verifier + "&return_spa_code=1";
                using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
                using var response = await client.PostAsync(endpoint, content).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.IsSuccessStatusCode && text.Contains("\"spa_code\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        if (failed > 0 || pool.IsEmpty)
        {
            Console.WriteLine($"note: {failed} failed redemptions; code pool {(pool.IsEmpty ? "ran out before the time limit (raise --codes)" : "not exhausted")}");
        }

        return completed / elapsed;
    }

    /// <summary>Signs id_token-sized claim sets with the emulator's current key on every core.</summary>
    private static double MeasureSignatures(EntraEmulatorHost host, TimeSpan duration)
    {
        var signer = new JwtSigner(host.SigningKeys);
        var claims = new Dictionary<string, object?>
        {
            ["aud"] = DevelopmentDefaults.ClientId, ["iss"] = host.Authority + "v2.0", ["iat"] = 1, ["nbf"] = 1, ["exp"] = 2,
            ["name"] = "Adele Vance", ["oid"] = Guid.NewGuid().ToString(), ["preferred_username"] = "AdeleV@hybridspa.onmicrosoft.com",
            ["sub"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), ["tid"] = DevelopmentDefaults.TenantId, ["ver"] = "2.0",
        };
        long total = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            long local = 0;
            while (stopwatch.Elapsed < duration)
            {
                signer.Sign(claims);
                local++;
            }

            Interlocked.Add(ref total, local);
        });
        return total / stopwatch.Elapsed.TotalSeconds;
    }

    private static (string Verifier, string Challenge) CreatePkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }
}
