using HybridSpa.Web.Security;

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

    /// <summary>
    /// One line for an operator: the chain of exception types, outermost first, and the innermost one's message (the root
    /// cause, e.g. "Connection refused (login.example:443)"). No stack trace: a known failure is not a bug.
    /// </summary>
    public static string Describe(Exception? exception)
    {
        var chain = new List<Exception>();
        for (var current = exception; current is not null; current = current is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : current.InnerException)
        {
            chain.Add(current);
        }

        return chain.Count == 0
            ? "unknown"
            : $"{string.Join(" → ", chain.Select(cause => cause.GetType().Name))}: {LoggedValue.Neutralize(chain[^1].Message)}";
    }
}
