using System.Text.Json;

namespace HybridSpa.EntraEmulator.Control;

/// <summary>How the control surface reads and writes JSON: web conventions (camelCase out, any case in), errors as <c>{"error":{"code","message"}}</c>.</summary>
internal static class ControlJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<T?> ReadAsync<T>(HttpContext context) where T : class =>
        await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Options, context.RequestAborted).ConfigureAwait(false);

    public static Task WriteAsync<TBody>(HttpContext context, int status, TBody body)
    {
        context.Response.StatusCode = status;
        Errors.NoCache.Apply(context.Response);
        return context.Response.WriteAsJsonAsync(body, Options, context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new { error = new { code, message } });

    public static Task BadRequestAsync(HttpContext context, string message) => ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", message);
}
