namespace HybridSpa.Web.Errors;

/// <summary>Walks what an exception wraps — inner exceptions and every exception of an aggregate — to find what caused it.</summary>
public static class ExceptionCauses
{
    /// <summary>True when <paramref name="exception"/> or anything it wraps satisfies <paramref name="isCause"/>.</summary>
    public static bool Any(Exception? exception, Func<Exception, bool> isCause)
    {
        ArgumentNullException.ThrowIfNull(isCause);
        return exception switch
        {
            null => false,
            _ when isCause(exception) => true,
            AggregateException aggregate => aggregate.InnerExceptions.Any(inner => Any(inner, isCause)),
            _ => Any(exception.InnerException, isCause),
        };
    }
}
