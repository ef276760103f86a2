using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>Keeps every log entry the app writes — message, structured values and exception — to search for secrets.</summary>
[ProviderAlias("Capture")]
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    /// <summary>Each entry as one line: level, category, message, structured values and exception.</summary>
    public IReadOnlyList<string> Entries => [.. _records.Select(record => record.ToString())];

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _records);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            records.Enqueue(new LogRecord(logLevel, category, eventId, formatter(state, exception), values, exception));
        }
    }
}

/// <summary>One log entry as the app wrote it.</summary>
public sealed record LogRecord(LogLevel Level, string Category, EventId EventId, string Message, string Values, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category} {Message} | {Values} | {Exception}";
}
