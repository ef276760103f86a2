using System.Text;
using System.Text.Encodings.Web;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>
/// The logout page. Without front-channel logout URLs to call: the generic "You signed out of your account". With them: the
/// same page loads each URL in a hidden iframe (the page's CSP allows exactly those origins), then continues to the
/// post-logout redirect URI, if there is one, once every frame has loaded or after a bounded wait.
/// </summary>
internal static class SignedOutPage
{
    /// <summary>How long the page waits for slow or unreachable front-channel logout URLs before it continues anyway.</summary>
    private const int FrameWaitMilliseconds = 5000;

    public static Task WriteAsync(HttpContext context) =>
        HtmlPageWriter.WriteAsync(context, StatusCodes.Status200OK, HtmlPageWriter.NewNonce(), "Sign out", Heading);

    public static Task WriteAsync(HttpContext context, IReadOnlyList<FrontChannelLogout> frames, string? continueTo)
    {
        var html = HtmlEncoder.Default;
        var nonce = HtmlPageWriter.NewNonce();
        var body = new StringBuilder(Heading)
            .Append($"<div id=\"front-channel\"{(continueTo is null ? "" : $" data-continue=\"{html.Encode(continueTo)}\"")}>");
        foreach (var frame in frames)
        {
            body.Append($"<iframe hidden title=\"Signing out of {html.Encode(frame.AppName)}\" src=\"{html.Encode(frame.Url)}\"></iframe>");
        }

        body.Append("</div>")
            .Append($"<script nonce=\"{nonce}\">")
            .Append("const box=document.getElementById('front-channel');let pending=box.querySelectorAll('iframe').length;let done=false;")
            .Append("const go=()=>{if(done)return;done=true;if(box.dataset.continue){location.replace(box.dataset.continue);}};")
            .Append("box.querySelectorAll('iframe').forEach(f=>f.addEventListener('load',()=>{if(--pending<=0)go();}));")
            .Append($"setTimeout(go,{FrameWaitMilliseconds});</script>");
        var origins = frames.Select(f => new Uri(f.Url).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return HtmlPageWriter.WriteAsync(context, StatusCodes.Status200OK, nonce, "Sign out", body.ToString(), frameSources: origins);
    }

    private const string Heading = "<h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p>";
}

/// <summary>One front-channel logout call: the app's URL with <c>?sid=</c>, and the app's name for the frame's title.</summary>
internal sealed record FrontChannelLogout(string Url, string AppName);
