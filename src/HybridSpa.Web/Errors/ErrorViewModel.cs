namespace HybridSpa.Web.Errors;

/// <summary>What the error page shows.</summary>
public sealed record ErrorViewModel(string Title, string? Error, string? AadstsCode, string? CorrelationId, string RequestId)
{
    /// <summary>A sentence for the user about what happened and what to do, when there is more to say than the title.</summary>
    public string? Explanation { get; init; }
}
