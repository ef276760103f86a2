using HybridSpa.Tests.Prerequisites;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// The Redis scale-out tests' prerequisite step: the redis-server binary, found once per run, installed first by
/// <c>ScaleOut/install-redis.sh</c> when missing (the same step as PostgreSQL and Chromium).
/// </summary>
internal static class RedisPrerequisites
{
    /// <summary>What to install, for the message when it cannot be installed.</summary>
    internal const string Needs = "The Redis scale-out tests need redis-server (Debian package redis-server, or a redis-server on PATH)";

    private static readonly Lazy<string> MachineBinary = new(
        () => Ensure(ExecutableSearch.OnPath("/usr/bin"), Path.Combine(AppContext.BaseDirectory, "ScaleOut", "install-redis.sh"), ProcessCommandRunner.Instance),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>This machine's redis-server, installed on first use when missing; when it cannot be, every use throws the same message.</summary>
    public static string Binary => MachineBinary.Value;

    /// <summary>redis-server as <paramref name="search"/> finds it, running the install script when it finds none.</summary>
    internal static string Ensure(ExecutableSearch search, string installScript, ICommandRunner runner) =>
        PrerequisiteStep.Ensure(() => search.Find("redis-server"), installScript, Needs, runner);
}
