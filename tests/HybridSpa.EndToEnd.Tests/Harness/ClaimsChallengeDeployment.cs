using System.Net.Http.Headers;
using System.Text;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// The stack with the emulator's control surface on (to revoke a user's sessions mid-use) and <c>/profile/mail</c> requiring the
/// authentication context <see cref="AuthenticationContext"/> (step-up).
/// </summary>
public sealed class ClaimsChallengeDeployment : HybridSpaDeployment
{
    /// <summary>The authentication context <c>/profile/mail</c> steps up for.</summary>
    public const string AuthenticationContext = "c1";

    public ClaimsChallengeDeployment()
    {
        ControlSurface = true;
        AppSettings = new Dictionary<string, string?> { ["Profile:Mail:AuthenticationContext"] = AuthenticationContext };
    }

    /// <summary>Revokes every sign-in session of the user (Graph's revokeSignInSessions, through the emulator's control surface).</summary>
    public async Task RevokeSignInSessionsAsync(string userObjectId)
    {
        using var client = new HttpClient(Emulator.CreateHttpHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Emulator.BaseAddress, $"emulator/users/{userObjectId}/revokeSignInSessions"))
        {
            Content = new StringContent("", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.ControlSurfaceToken);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"revokeSignInSessions: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
