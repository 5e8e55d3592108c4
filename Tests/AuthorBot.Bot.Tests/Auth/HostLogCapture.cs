using System.Collections.Concurrent;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>Every log line the host writes, for tests that assert what an operator would read.</summary>
internal sealed class HostLogCapture : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public override string ToString() => string.Join('\n', Lines.Select(l => $"{l.Level} {l.Category}: {l.Message}"));

    private sealed class Logger(HostLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Lines.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
