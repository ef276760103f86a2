using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HybridSpa.EntraEmulator.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.EntraEmulator.Control;

/// <summary>
/// The HTTP control surface under <c>/emulator/</c> (off unless enabled): the clock, users, app registrations, sessions and reset,
/// for tests that run the emulator as a program. docs/emulator.md shows a curl call for each.
/// </summary>
internal sealed class ControlSurfaceEndpoints(EmulatorState state, ControlSurfaceGuard guard)
{
    public const string Prefix = "/emulator";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Maps every call; returns each path with the methods it takes (other methods get 405).</summary>
    public IEnumerable<(string Path, string[] Allowed)> Map(IEndpointRouteBuilder routes)
    {
        var calls = new (string Method, string Path, bool HasBody, Func<HttpContext, Task> Handler)[]
        {
            ("GET", "/clock", false, GetClockAsync),
            ("PUT", "/clock", true, SetClockAsync),
            ("POST", "/clock/advance", true, AdvanceClockAsync),
            ("GET", "/users", false, c => WriteAsync(c, StatusCodes.Status200OK, state.Options.Users.ToArray())),
            ("POST", "/users", true, c => AddAsync(c, Users)),
            ("GET", "/users/{id}", false, c => GetAsync(c, Users)),
            ("PATCH", "/users/{id}", true, c => ChangeAsync(c, Users)),
            ("DELETE", "/users/{id}", false, c => RemoveAsync(c, Users)),
            ("GET", "/applications", false, c => WriteAsync(c, StatusCodes.Status200OK, state.Options.Applications.ToArray())),
            ("POST", "/applications", true, c => AddAsync(c, Applications)),
            ("GET", "/applications/{id}", false, c => GetAsync(c, Applications)),
            ("PATCH", "/applications/{id}", true, c => ChangeAsync(c, Applications)),
            ("DELETE", "/applications/{id}", false, c => RemoveAsync(c, Applications)),
            ("DELETE", "/sessions", false, EndSessionsAsync),
            ("DELETE", "/sessions/{id}", false, SignOutAsync),
            ("POST", "/reset", false, ResetAsync),
        };
        foreach (var (method, path, hasBody, handler) in calls)
        {
            routes.MapMethods(Prefix + path, [method], Guarded(hasBody, handler));
        }

        return calls.GroupBy(c => Prefix + c.Path).Select(g => (g.Key, g.Select(c => c.Method).ToArray()));
    }

    private static Collection<TestUser> Users => new("user", o => o.Users, u => u.ObjectId);

    private static Collection<AppRegistration> Applications => new("application", o => o.Applications, a => a.ClientId);

    private RequestDelegate Guarded(bool hasBody, Func<HttpContext, Task> handler) => async context =>
    {
        if (guard.Check(context, hasBody) is { } refusal)
        {
            await ErrorAsync(context, refusal.Status, refusal.Code, refusal.Message).ConfigureAwait(false);
            return;
        }

        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (JsonException invalid)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", "The body is not the JSON this call takes: " + invalid.Message).ConfigureAwait(false);
        }
    };

    private Task GetClockAsync(HttpContext context) => WriteClockAsync(context);

    private async Task AdvanceClockAsync(HttpContext context)
    {
        var body = await ReadAsync<ClockAdvance>(context).ConfigureAwait(false);
        if (body?.By is not { } by || by < TimeSpan.Zero)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", "Give \"by\" as a non-negative duration, e.g. {\"by\":\"01:00:00\"}.").ConfigureAwait(false);
            return;
        }

        state.Clock.Advance(by);
        await WriteClockAsync(context).ConfigureAwait(false);
    }

    private async Task SetClockAsync(HttpContext context)
    {
        var body = await ReadAsync<ClockSetting>(context).ConfigureAwait(false);
        if (body?.Now is not { } now || now < state.Clock.GetUtcNow())
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest",
                $"Give \"now\" as a time not before the emulator's present ({Iso(state.Clock.GetUtcNow())}): the clock moves only forward; POST /emulator/reset returns it to real time.").ConfigureAwait(false);
            return;
        }

        state.Clock.AdvanceTo(now);
        await WriteClockAsync(context).ConfigureAwait(false);
    }

    private Task WriteClockAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status200OK, new { now = Iso(state.Clock.GetUtcNow()), offset = state.Clock.Offset.ToString("c", CultureInfo.InvariantCulture) });

    private Task GetAsync<T>(HttpContext context, Collection<T> collection) where T : class
    {
        var id = Id(context);
        return collection.Find(state.Options, id) is { } item
            ? WriteAsync(context, StatusCodes.Status200OK, item)
            : NotFoundAsync(context, collection, id);
    }

    private async Task AddAsync<T>(HttpContext context, Collection<T> collection) where T : class
    {
        var item = await ReadAsync<T>(context).ConfigureAwait(false);
        if (item is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", $"Send the {collection.Name} as a JSON object.").ConfigureAwait(false);
            return;
        }

        if (collection.Find(state.Options, collection.KeyOf(item)) is not null)
        {
            await ErrorAsync(context, StatusCodes.Status409Conflict, "Conflict", $"A {collection.Name} '{collection.KeyOf(item)}' exists already; PATCH it instead.").ConfigureAwait(false);
            return;
        }

        if (state.TryChange(o => collection.Of(o).Add(item)) is { } invalid)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", invalid).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, StatusCodes.Status201Created, item).ConfigureAwait(false);
    }

    /// <summary>JSON merge: the properties sent replace the existing ones; the key itself cannot change.</summary>
    private async Task ChangeAsync<T>(HttpContext context, Collection<T> collection) where T : class
    {
        var id = Id(context);
        var existing = collection.Find(state.Options, id);
        var patch = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        if (existing is null)
        {
            await NotFoundAsync(context, collection, id).ConfigureAwait(false);
            return;
        }

        if (patch is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", $"Send the {collection.Name}'s changed properties as a JSON object.").ConfigureAwait(false);
            return;
        }

        var merged = JsonSerializer.SerializeToNode(existing, Json)!.AsObject();
        foreach (var (name, value) in patch)
        {
            var target = merged.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;
            merged[target] = value?.DeepClone();
        }

        var changed = merged.Deserialize<T>(Json)!;
        if (!(collection.KeyOf(changed) ?? "").Equals(collection.KeyOf(existing), StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", $"A {collection.Name}'s id cannot change; remove it and add a new one.").ConfigureAwait(false);
            return;
        }

        if (state.TryChange(o => Swap(collection.Of(o), collection, id, changed)) is { } invalid)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", invalid).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, changed).ConfigureAwait(false);
    }

    private async Task RemoveAsync<T>(HttpContext context, Collection<T> collection) where T : class
    {
        var id = Id(context);
        if (collection.Find(state.Options, id) is null)
        {
            await NotFoundAsync(context, collection, id).ConfigureAwait(false);
            return;
        }

        state.TryChange(o => collection.Of(o).RemoveAll(item => collection.KeyOf(item).Equals(id, StringComparison.OrdinalIgnoreCase)));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private Task EndSessionsAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status200OK, new { ended = state.Sessions.EndAll() });

    private Task SignOutAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status200OK, new { signedOut = state.Sessions.SignOutEverywhere(Id(context)) });

    private Task ResetAsync(HttpContext context)
    {
        state.Reset();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static void Swap<T>(List<T> items, Collection<T> collection, string id, T replacement) where T : class
    {
        var index = items.FindIndex(item => collection.KeyOf(item).Equals(id, StringComparison.OrdinalIgnoreCase));
        items[index] = replacement;
    }

    private static string Id(HttpContext context) => context.GetRouteValue("id") as string ?? "";

    private static async Task<T?> ReadAsync<T>(HttpContext context) where T : class =>
        await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);

    private static Task NotFoundAsync<T>(HttpContext context, Collection<T> collection, string id) where T : class =>
        ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", $"No {collection.Name} '{(id.Length > 100 ? id[..100] : id)}'.");

    private static Task WriteAsync<TBody>(HttpContext context, int status, TBody body)
    {
        context.Response.StatusCode = status;
        NoCache.Apply(context.Response);
        return context.Response.WriteAsJsonAsync(body, Json, context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new { error = new { code, message } });

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed record ClockAdvance(TimeSpan? By);

    private sealed record ClockSetting(DateTimeOffset? Now);

    /// <summary>One of the option lists the surface edits, keyed by id (users: ObjectId; applications: ClientId).</summary>
    private sealed record Collection<T>(string Name, Func<EntraEmulatorOptions, List<T>> Of, Func<T, string> KeyOf) where T : class
    {
        public T? Find(EntraEmulatorOptions options, string id) =>
            Of(options).ToArray().FirstOrDefault(item => KeyOf(item).Equals(id, StringComparison.OrdinalIgnoreCase));
    }
}
