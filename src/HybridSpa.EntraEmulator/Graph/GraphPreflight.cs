namespace HybridSpa.EntraEmulator.Graph;

/// <summary>Answers Graph CORS preflights on any Graph path, known or not (the SPA's Authorization header always triggers one), for registered SPA origins only.</summary>
internal sealed class GraphPreflight(Endpoints.CorsHeaders cors)
{
    public Task HandleAsync(HttpContext context)
    {
        cors.AnswerPreflight(context, "GET, POST, OPTIONS");
        return Task.CompletedTask;
    }
}
