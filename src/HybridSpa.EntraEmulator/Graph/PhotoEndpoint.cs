namespace HybridSpa.EntraEmulator.Graph;

/// <summary><c>GET /v1.0/me/photo/$value</c>: a generated PNG avatar, or Graph's ImageNotFound 404 for users without a photo.</summary>
internal sealed class PhotoEndpoint(GraphTokenAuthenticator authenticator, GraphErrorWriter errors, AvatarGenerator avatars, Endpoints.CorsHeaders cors)
{
    public async Task HandleAsync(HttpContext context)
    {
        cors.Apply(context, "request-id, client-request-id");
        var (user, _, failure) = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (user is null)
        {
            await errors.WriteUnauthorizedAsync(context, failure!).ConfigureAwait(false);
            return;
        }

        if (!user.HasPhoto)
        {
            await errors.WriteAsync(context, StatusCodes.Status404NotFound, "ImageNotFound",
                "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.").ConfigureAwait(false);
            return;
        }

        GraphResponseHeaders.Apply(context);
        var png = avatars.For(user.ObjectId);
        context.Response.ContentType = "image/png";
        context.Response.ContentLength = png.Length;
        await context.Response.Body.WriteAsync(png, context.RequestAborted).ConfigureAwait(false);
    }
}
