namespace HybridSpa.Web.Errors;

/// <summary>What a status code page says.</summary>
internal static class StatusPages
{
    /// <summary>The status answered, the title and the explanation for <paramref name="statusCode"/>; a code that is not an error status is "page not found".</summary>
    public static (int Code, string Title, string Explanation) For(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => (statusCode, "The request could not be read",
            "Your browser sent something this app could not understand, such as a form cut short or sent twice. Go back to the start page and try again."),
        >= 400 and < 500 and not StatusCodes.Status404NotFound => (statusCode, "The request could not be completed",
            $"The app refused the request (HTTP {statusCode}). Go back to the start page and try again."),
        >= 500 and < 600 => (statusCode, "Something went wrong",
            $"The app could not answer (HTTP {statusCode}). Nothing is lost; please try again in a moment."),
        _ => (StatusCodes.Status404NotFound, "Page not found", "There is nothing at this address. Check it, or go to the start page."),
    };
}
