using Microsoft.AspNetCore.WebUtilities;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>Reads url-encoded fields (a form body or a query string).</summary>
public static class JourneyForm
{
    /// <summary>The field's value, or null when the text is empty or lacks it.</summary>
    public static string? Field(string? urlEncoded, string name) =>
        !string.IsNullOrEmpty(urlEncoded) && QueryHelpers.ParseQuery(urlEncoded).TryGetValue(name, out var value) ? value.ToString() : null;
}
