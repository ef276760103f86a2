using Microsoft.Playwright;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// Makes the SPA's code stale on purpose, just before the SPA's own redemption reaches the emulator: spend it out of
/// band, or let it expire.
/// </summary>
public static class SpaCodeInterception
{
    /// <summary>
    /// Holds the browser's next token request; if it redeems a code, runs <paramref name="beforeItArrives"/> with that
    /// code, then lets the request go on. Completes with the code.
    /// </summary>
    public static async Task<Task<string>> BeforeNextCodeRedemptionAsync(IPage page, HybridSpaDeployment stack, Func<string, Task> beforeItArrives)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(stack);
        var held = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync($"{stack.Emulator.Authority}oauth2/v2.0/token**", async route =>
        {
            var code = route.Request.Method == "POST" ? JourneyForm.Field(route.Request.PostData, "code") : null;
            if (code is not null)
            {
                await beforeItArrives(code);
                held.TrySetResult(code);
            }

            await route.ContinueAsync();
        }, new() { Times = 1 });
        return held.Task;
    }

    /// <summary>Redeems <paramref name="code"/> as msal-browser would, from another client.</summary>
    public static async Task RedeemOutOfBandAsync(HybridSpaDeployment stack, string code)
    {
        ArgumentNullException.ThrowIfNull(stack);
        using var client = new HttpClient(stack.Emulator.CreateHttpHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{stack.Emulator.Authority}oauth2/v2.0/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = EntraEmulator.DevelopmentDefaults.ClientId,
                ["scope"] = "User.Read openid profile offline_access",
                ["code"] = code,
                ["grant_type"] = "authorization_code",
                ["client_info"] = "1",
            }),
        };
        request.Headers.Add("Origin", stack.AppOrigin.GetLeftPart(UriPartial.Authority));
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Out-of-band redemption failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
