namespace HybridSpa.EntraEmulator.Graph;

/// <summary><c>GET /v1.0/me/photo/$value</c>: a generated PNG avatar, or Graph's ImageNotFound 404 for users without a photo.</summary>
internal sealed class PhotoEndpoint(GraphErrorWriter errors, AvatarGenerator avatars)
{
    public async Task HandleAsync(HttpContext context, GraphCaller caller)
    {
        if (!caller.User.HasPhoto)
        {
            await errors.WriteAsync(context, StatusCodes.Status404NotFound, "ImageNotFound",
                "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.").ConfigureAwait(false);
            return;
        }

        GraphResponseHeaders.Apply(context);
        var png = avatars.For(caller.User.ObjectId);
        context.Response.ContentType = "image/png";
        context.Response.ContentLength = png.Length;
        await context.Response.Body.WriteAsync(png, context.RequestAborted).ConfigureAwait(false);
    }
}
