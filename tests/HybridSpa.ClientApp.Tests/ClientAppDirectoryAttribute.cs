namespace HybridSpa.ClientApp.Tests;

/// <summary>Carries the clientapp folder's absolute path from the build into the tests.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ClientAppDirectoryAttribute(string path) : Attribute
{
    /// <summary>The absolute path of clientapp/.</summary>
    public string Path { get; } = path;
}
