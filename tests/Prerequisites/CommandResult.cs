namespace HybridSpa.Tests.Prerequisites;

/// <summary>How a command ended: its exit code and what it printed (standard output, then standard error).</summary>
internal readonly record struct CommandResult(int ExitCode, string Output);
