namespace HybridSpa.EntraEmulator.Graph;

/// <summary>Answers Graph CORS preflights (the SPA's Authorization header always triggers one), for registered SPA origins only.</summary>
internal sealed class GraphPreflight(Endpoints.CorsHeaders cors)
{
    public Task HandleAsync(HttpContext context)
    {
        cors.AnswerPreflight(context, "GET, OPTIONS");
        return Task.CompletedTask;
    }
}
