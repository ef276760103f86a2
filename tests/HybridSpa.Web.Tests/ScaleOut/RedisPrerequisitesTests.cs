using HybridSpa.Tests.Prerequisites;
using HybridSpa.Tests.Prerequisites.Testing;
using Moq;

namespace HybridSpa.Web.Tests.ScaleOut;

public sealed class RedisPrerequisitesTests : IDisposable
{
    private const string Script = "/repo/ScaleOut/install-redis.sh";
    private readonly ScratchDirectory bin = new();

    [Fact]
    public void A_missing_redis_server_is_installed_by_the_script_and_then_used()
    {
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { Script }))
            .Callback(() => bin.Executable("redis-server"))
            .Returns(new CommandResult(0, "installed: redis-server"));

        var binary = RedisPrerequisites.Ensure(new ExecutableSearch([bin.Path]), Script, runner.Object);

        Assert.Equal(Path.Combine(bin.Path, "redis-server"), binary);
        runner.Verify(r => r.Run("bash", new[] { Script }), Times.Once);
    }

    [Fact]
    public void A_redis_server_that_cannot_be_installed_is_named_in_the_failure()
    {
        var runner = new Mock<ICommandRunner>(MockBehavior.Strict);
        runner.Setup(r => r.Run("bash", new[] { Script }))
            .Returns(new CommandResult(1, "The scale-out tests (redis-server) need: redis-server (Debian package names). Install them, e.g.:\n  sudo apt-get update && sudo apt-get install -y redis-server\n"));

        var failure = Assert.Throws<MissingPrerequisiteException>(() => RedisPrerequisites.Ensure(new ExecutableSearch([bin.Path]), Script, runner.Object));

        Assert.StartsWith(RedisPrerequisites.Needs, failure.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install -y redis-server", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => bin.Dispose();
}
