using System.Diagnostics.CodeAnalysis;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.HandOff;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Catches the SPA code during Identity.Web's redemption and hands it to the page (<see cref="SpaHandOffStore"/>) only once the
/// id_token validated; a failed sign-in drops it.
/// </summary>
internal sealed class SpaCodeHandOff(SpaHandOffStore handOffStore, SignInSettings settings) : SignInEventsAddition
{
    // Holds the SPA code between redemption and validation, in this request's memory only.
    private static readonly object SpaCodeItemKey = new();

    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var events = options.Events;
        var authorizationCodeReceived = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            var session = context.HttpContext.Features.Get<ISessionFeature>();
            var catcher = new OneRequestSession();
            context.HttpContext.Features.Set<ISessionFeature>(catcher);
            try
            {
                await authorizationCodeReceived(context);
                if (context.Result is null && catcher.GetString(Constants.SpaAuthCode) is { } spaCode)
                {
                    context.HttpContext.Items[SpaCodeItemKey] = spaCode;
                }
            }
            finally
            {
                context.HttpContext.Features.Set(session);
            }
        };

        var tokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await tokenValidated(context);
            if (context.Result is null)
            {
                var spaCode = context.HttpContext.Items.Remove(SpaCodeItemKey, out var code) ? (string?)code : null;
                var user = context.Principal!;
                var handOff = new SpaHandOff(spaCode, user.LoginHint(), user.SessionId(), BootstrapByRedirect: settings.SpaCodeRequested && spaCode is null);
                await handOffStore.PutAsync(context.HttpContext, user, handOff, context.HttpContext.RequestAborted);
            }
        };

        var remoteFailure = events.OnRemoteFailure;
        events.OnRemoteFailure = context =>
        {
            context.HttpContext.Items.Remove(SpaCodeItemKey);
            return remoteFailure(context);
        };
    }

    /// <summary>
    /// Stands in for the session while Identity.Web redeems the code: it writes the SPA code to the session before the id_token
    /// is validated, so the real session (and its store) would hold a code for a sign-in that may still fail.
    /// </summary>
    private sealed class OneRequestSession : ISession, ISessionFeature
    {
        private readonly Dictionary<string, byte[]> _values = new(StringComparer.Ordinal);

        public ISession Session
        {
            get => this;
            set => throw new NotSupportedException("The one-request session is its own session.");
        }

        public bool IsAvailable => true;

        public string Id { get; } = Guid.NewGuid().ToString("N");

        public IEnumerable<string> Keys => _values.Keys;

        public Task LoadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public bool TryGetValue(string key, [NotNullWhen(true)] out byte[]? value) => _values.TryGetValue(key, out value);

        public void Set(string key, byte[] value) => _values[key] = value;

        public void Remove(string key) => _values.Remove(key);

        public void Clear() => _values.Clear();
    }
}
