namespace HybridSpa.Web.Assets;

/// <summary>The built SPA entry: its module script and stylesheets, as site-relative URLs.</summary>
/// <param name="ScriptSrc">The module script, e.g. <c>/app/assets/main-1a2b.js</c>.</param>
/// <param name="Stylesheets">The CSS files the entry imports.</param>
public sealed record ViteEntry(string ScriptSrc, IReadOnlyList<string> Stylesheets);
