namespace HybridSpa.Web.Assets;

/// <summary>The built SPA entry: its module script, what it imports and its stylesheets, as site-relative URLs.</summary>
/// <param name="ScriptSrc">The module script, e.g. <c>/app/assets/main-1a2b.immutable.js</c>.</param>
/// <param name="Stylesheets">The CSS files the entry imports.</param>
/// <param name="StaticImports">Chunks the entry imports statically: needed before it runs, preloaded at full priority.</param>
/// <param name="DynamicImports">
/// Chunks the entry imports at start-up with <c>import()</c> (the UI, loaded once the token request has left): preloaded at low
/// priority, so they arrive behind the entry instead of sharing the bandwidth with it.
/// </param>
public sealed record ViteEntry(
    string ScriptSrc, IReadOnlyList<string> Stylesheets, IReadOnlyList<string> StaticImports, IReadOnlyList<string> DynamicImports);
