using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;

namespace HybridSpa.EntraEmulator.Control;

/// <summary>
/// <c>/emulator/users</c> and <c>/emulator/applications</c>: list, get, add (POST), change (PATCH, a JSON merge) and remove
/// (DELETE) entries of one of the option lists; every change is validated like configuration before it goes live.
/// </summary>
internal sealed class DirectoryControl<T>(EmulatorState state, string name, Func<EntraEmulatorOptions, List<T>> listOf, Func<T, string> keyOf)
    where T : class
{
    public Task ListAsync(HttpContext context) => ControlJson.WriteAsync(context, StatusCodes.Status200OK, listOf(state.Options).ToArray());

    public Task GetAsync(HttpContext context)
    {
        var id = Id(context);
        return Find(state.Options, id) is { } item ? ControlJson.WriteAsync(context, StatusCodes.Status200OK, item) : NotFoundAsync(context, id);
    }

    public async Task AddAsync(HttpContext context)
    {
        var item = await ControlJson.ReadAsync<T>(context).ConfigureAwait(false);
        if (item is null)
        {
            await ControlJson.BadRequestAsync(context, $"Send the {name} as a JSON object.").ConfigureAwait(false);
            return;
        }

        if (Find(state.Options, keyOf(item)) is not null)
        {
            await ControlJson.ErrorAsync(context, StatusCodes.Status409Conflict, "Conflict", $"A {name} '{keyOf(item)}' exists already; PATCH it instead.").ConfigureAwait(false);
            return;
        }

        if (state.TryChange(o => listOf(o).Add(item)) is { } invalid)
        {
            await ControlJson.BadRequestAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        await ControlJson.WriteAsync(context, StatusCodes.Status201Created, item).ConfigureAwait(false);
    }

    /// <summary>JSON merge: the properties sent replace the existing ones; the key itself cannot change.</summary>
    public async Task ChangeAsync(HttpContext context)
    {
        var id = Id(context);
        var existing = Find(state.Options, id);
        var patch = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        if (existing is null)
        {
            await NotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        if (patch is null)
        {
            await ControlJson.BadRequestAsync(context, $"Send the {name}'s changed properties as a JSON object.").ConfigureAwait(false);
            return;
        }

        var merged = JsonSerializer.SerializeToNode(existing, ControlJson.Options)!.AsObject();
        foreach (var (property, value) in patch)
        {
            var target = merged.Select(p => p.Key).FirstOrDefault(k => k.Equals(property, StringComparison.OrdinalIgnoreCase)) ?? property;
            merged[target] = value?.DeepClone();
        }

        var changed = merged.Deserialize<T>(ControlJson.Options)!;
        if (!(keyOf(changed) ?? "").Equals(keyOf(existing), StringComparison.OrdinalIgnoreCase))
        {
            await ControlJson.BadRequestAsync(context, $"A {name}'s id cannot change; remove it and add a new one.").ConfigureAwait(false);
            return;
        }

        if (state.TryChange(o => Replace(listOf(o), id, changed)) is { } invalid)
        {
            await ControlJson.BadRequestAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        await ControlJson.WriteAsync(context, StatusCodes.Status200OK, changed).ConfigureAwait(false);
    }

    public Task RemoveAsync(HttpContext context)
    {
        var id = Id(context);
        if (Find(state.Options, id) is null)
        {
            return NotFoundAsync(context, id);
        }

        state.TryChange(o => listOf(o).RemoveAll(item => Matches(item, id)));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private T? Find(EntraEmulatorOptions options, string? id) => listOf(options).ToArray().FirstOrDefault(item => Matches(item, id));

    private bool Matches(T item, string? id) => keyOf(item).Equals(id, StringComparison.OrdinalIgnoreCase);

    private void Replace(List<T> items, string id, T replacement) => items[items.FindIndex(item => Matches(item, id))] = replacement;

    private Task NotFoundAsync(HttpContext context, string id) =>
        ControlJson.ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", $"No {name} '{(id.Length > 100 ? id[..100] : id)}'.");

    private static string Id(HttpContext context) => context.GetRouteValue("id") as string ?? "";
}
