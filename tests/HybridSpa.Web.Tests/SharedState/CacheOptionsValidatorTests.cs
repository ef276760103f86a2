using HybridSpa.Web.SharedState;

namespace HybridSpa.Web.Tests.SharedState;

public sealed class CacheOptionsValidatorTests
{
    [Fact]
    public void Memory_needs_nothing_else()
    {
        Assert.True(new CacheOptionsValidator().Validate(null, new CacheOptions()).Succeeded);
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_naming_the_key_and_the_doc()
    {
        var result = new CacheOptionsValidator().Validate(null, new CacheOptions { Provider = CacheProvider.Postgres });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Cache:ConnectionString is not set", StringComparison.Ordinal) && f.EndsWith("see docs/scale-out.md", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_connection_string_is_rejected_without_echoing_it()
    {
        var result = new CacheOptionsValidator().Validate(null, new CacheOptions { Provider = CacheProvider.Postgres, ConnectionString = "Host=db;Pasword=hunter2" });

        Assert.True(result.Failed);
        Assert.DoesNotContain(result.Failures!, f => f.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cleanup_interval_must_be_positive()
    {
        var result = new CacheOptionsValidator().Validate(null, new CacheOptions { CleanupInterval = TimeSpan.Zero });

        Assert.Contains(result.Failures!, f => f.StartsWith("Cache:CleanupInterval must be positive", StringComparison.Ordinal));
    }
}
