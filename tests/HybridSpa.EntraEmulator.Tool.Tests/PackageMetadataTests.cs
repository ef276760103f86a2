using System.IO.Compression;
using System.Xml.Linq;

namespace HybridSpa.EntraEmulator.Tool.Tests;

/// <summary>The packed tool carries what a .NET tool on a package feed shows its users: license, project URL, README, description.</summary>
[Collection(InstalledToolGroup.Name)]
public sealed class PackageMetadataTests(InstalledTool tool)
{
    [Fact]
    public void Package_declares_the_MIT_license_expression_a_project_url_a_readme_and_a_description()
    {
        var nuspec = Nuspec();
        string? Element(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");

        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.True(Uri.TryCreate(Element("projectUrl"), UriKind.Absolute, out var projectUrl) && projectUrl.Scheme == Uri.UriSchemeHttps, $"projectUrl: {Element("projectUrl")}");
        Assert.Contains("Entra ID", Element("description"), StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2026 HybridSpa contributors", Element("copyright"), StringComparison.Ordinal);
        Assert.Equal("README.md", Element("readme"));
    }

    [Fact]
    public void Package_readme_is_inside_the_package_and_repository_has_the_license_it_names()
    {
        using var package = ZipFile.OpenRead(Directory.GetFiles(tool.Feed, "*.nupkg").Single());
        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());

        Assert.Contains("entra-emulator", readme.ReadToEnd(), StringComparison.Ordinal);
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(InstalledTool.RepositoryRoot(), "LICENSE")), StringComparison.Ordinal);
    }

    private XDocument Nuspec()
    {
        using var package = ZipFile.OpenRead(Directory.GetFiles(tool.Feed, "*.nupkg").Single());
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
