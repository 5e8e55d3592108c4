using Spectre.Console;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// What the marketers' and the author's command lines do around every call to a running bot: the API key from
/// <c>--key</c> or <c>AUTHORBOT_API_KEY</c>, an absolute <c>--url</c>, one HttpClient, and a refusal or an unreachable
/// bot as one red line and exit code 1 (2 for bad arguments) instead of a stack trace.
/// </summary>
internal static class BotApiCommand
{
    /// <summary>The environment variable read when <c>--key</c> is not given.</summary>
    public const string KeyVariable = "AUTHORBOT_API_KEY";

    public static async Task<int> RunAsync(IAnsiConsole console, string? key, string? url, HttpMessageHandler? handler, Func<HttpClient, string, Task> action)
    {
        var apiKey = key ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            console.MarkupLine($"[red]No API key:[/] pass --key or set {KeyVariable}.");
            return 2;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
        {
            console.MarkupLine("[red]--url must be an absolute URL.[/]");
            return 2;
        }

        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(baseAddress.ToString().TrimEnd('/') + "/");
        http.Timeout = TimeSpan.FromSeconds(60);
        try
        {
            await action(http, apiKey).ConfigureAwait(false);
            return 0;
        }
        catch (AnnouncementClientException ex)
        {
            console.MarkupLineInterpolated($"[red]{(ex.NotAuthorBot ? "Not AuthorBot:" : "The bot refused:")}[/] {ex.Message}");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            console.MarkupLineInterpolated($"[red]Could not reach the bot at {baseAddress}:[/] {ex.Message}");
            return 1;
        }
    }
}
