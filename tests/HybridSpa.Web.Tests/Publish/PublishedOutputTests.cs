namespace HybridSpa.Web.Tests.Publish;

/// <summary>The production build carries no development parts: no emulator, no Development settings.</summary>
public sealed class PublishedOutputTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    [Fact]
    public void The_published_app_has_no_emulator_assembly_and_does_not_reference_one()
    {
        var files = published.Files.ToList();
        var dependencies = File.ReadAllText(Path.Combine(published.Folder, "HybridSpa.Web.deps.json"));

        Assert.Contains("HybridSpa.Web.dll", files);
        Assert.DoesNotContain(files, file => file.Contains("EntraEmulator", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("HybridSpa.EntraEmulator", dependencies, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_app_has_no_development_settings()
    {
        var files = published.Files.ToList();

        Assert.Contains("appsettings.json", files);
        Assert.DoesNotContain("appsettings.Development.json", files);
        Assert.DoesNotContain(files, file => file.EndsWith("launchSettings.json", StringComparison.OrdinalIgnoreCase));
    }
}
