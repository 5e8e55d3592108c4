using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthorBot.Dialogs.Content;

/// <summary>
/// Loads the author's content when the host starts, so a broken file stops start-up with its errors (file, line,
/// field) instead of failing the first reader who asks about a book.
/// </summary>
/// <param name="services">Resolves the content (loading it validates it).</param>
/// <param name="logger">Start-up log.</param>
internal sealed partial class AuthorContentStartupCheck(IServiceProvider services, ILogger<AuthorContentStartupCheck> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        AuthorContent content;
        try
        {
            content = services.GetRequiredService<AuthorContent>();
        }
        catch (AuthorContentException ex)
        {
            LogInvalid(logger, ex.Errors.Count, string.Join(Environment.NewLine, ex.Errors));
            throw;
        }

        LogLoaded(logger, content.AuthorName, content.Books.Count, content.Events.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Author content loaded for {Author}: {Books} books, {Events} events")]
    private static partial void LogLoaded(ILogger logger, string author, int books, int events);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The author's content has {Count} error(s); the bot will not start until they are fixed:\n{Errors}")]
    private static partial void LogInvalid(ILogger logger, int count, string errors);
}
