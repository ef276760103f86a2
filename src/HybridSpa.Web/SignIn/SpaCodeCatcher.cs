using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Stands in for the session while Identity.Web redeems the code: it writes the SPA code to the session before the id_token
/// is validated, so the real session (and its store) would hold a code for a sign-in that may still fail. This one-request
/// session catches it instead; <see cref="SpaCodeHandOff"/> hands it on only once the id_token validated.
/// </summary>
internal sealed class SpaCodeCatcher : ISession, ISessionFeature
{
    private readonly Dictionary<string, byte[]> _values = new(StringComparer.Ordinal);

    public ISession Session
    {
        get => this;
        set => throw new NotSupportedException("The SPA code catcher is its own session.");
    }

    public bool IsAvailable => true;

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The SPA code Identity.Web wrote, if any.</summary>
    public string? SpaCode => this.GetString(Constants.SpaAuthCode);

    public Task LoadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public bool TryGetValue(string key, [NotNullWhen(true)] out byte[]? value) => _values.TryGetValue(key, out value);

    public void Set(string key, byte[] value) => _values[key] = value;

    public void Remove(string key) => _values.Remove(key);

    public void Clear() => _values.Clear();
}
