using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>Keeps every log line written through it, for tests that assert what an operator would read.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public IEnumerable<LogLine> AtLeast(LogLevel level) => Lines.Where(l => l.Level >= level);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), exception));
    }
}

internal sealed record LogLine(string Category, LogLevel Level, string Message, Exception? Exception);
