namespace HybridSpa.Web.SpaHost;

/// <summary>The built SPA entry: its module script, the chunks it imports statically and its stylesheets, as site-relative URLs.</summary>
/// <param name="ScriptSrc">The module script, e.g. <c>/app/assets/main-1a2b.immutable.js</c>.</param>
/// <param name="Stylesheets">The CSS files the entry imports.</param>
/// <param name="StaticImports">Chunks the entry imports statically, transitively: needed before it runs, so the page preloads them.</param>
public sealed record ViteEntry(string ScriptSrc, IReadOnlyList<string> Stylesheets, IReadOnlyList<string> StaticImports);
