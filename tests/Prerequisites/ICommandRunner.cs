namespace HybridSpa.Tests.Prerequisites;

/// <summary>Runs a command to completion; the seam through which tests replace the machine's processes.</summary>
internal interface ICommandRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it to exit.</summary>
    CommandResult Run(string fileName, IReadOnlyList<string> arguments);
}
