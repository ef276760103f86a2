namespace HybridSpa.Tests.Prerequisites;

/// <summary>A tool the tests need is not on this machine and could not be installed; the message says what to install.</summary>
internal sealed class MissingPrerequisiteException : InvalidOperationException
{
    /// <summary>Creates the exception with the message a user acts on.</summary>
    public MissingPrerequisiteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message a user acts on and what caused it.</summary>
    public MissingPrerequisiteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MissingPrerequisiteException()
    {
    }
}
