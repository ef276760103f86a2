using HybridSpa.Web.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Neutralises every parameter of the callback (<see cref="LoggedValue.Neutralize"/>) before anything reads it: the handler puts
/// error, error_description and error_uri into its exception and its log lines.
/// </summary>
internal sealed class CallbackParameterNeutralising : SignInEventsAddition
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        var messageReceived = options.Events.OnMessageReceived;
        options.Events.OnMessageReceived = context =>
        {
            foreach (var (key, value) in context.ProtocolMessage.Parameters.ToList())
            {
                context.ProtocolMessage.Parameters[key] = LoggedValue.Neutralize(value);
            }

            return messageReceived(context);
        };
    }
}
