using System.CommandLine;
using System.Net.Http.Headers;
using Spectre.Console;

namespace AuthorBot.Bot.Newsletter;

/// <summary>
/// <c>dotnet run --project Bot -- newsletter-export [--url URL] [--key KEY] [--out FILE]</c>: downloads the confirmed
/// subscribers of a running bot as CSV for the author's mailing service (the same API key as <c>announce</c>).
/// </summary>
internal static class NewsletterExportCommand
{
    public const string Verb = "newsletter-export";
    private const string KeyVariable = "AUTHORBOT_API_KEY";

    /// <summary>Runs the command; returns the process exit code (0 done, 1 the bot refused, 2 bad usage).</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var url = new Option<string>("--url") { Description = "The bot's address.", DefaultValueFactory = _ => "http://localhost:3978" };
        var key = new Option<string?>("--key") { Description = $"The API key (Announcements:ApiKey); default: ${KeyVariable}." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV to this file instead of the console." };
        var root = new RootCommand("Download a running AuthorBot's confirmed newsletter subscribers as CSV.");
        root.Options.Add(url);
        root.Options.Add(key);
        root.Options.Add(output);
        root.SetAction(async (result, ct) =>
        {
            var apiKey = result.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable);
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                console.MarkupLine($"[red]No API key:[/] pass --key or set {KeyVariable}.");
                return 2;
            }

            if (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
            {
                console.MarkupLine("[red]--url must be the bot's http(s) address[/], like https://bot.example.org.");
                return 2;
            }

            using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            client.Timeout = TimeSpan.FromSeconds(60);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, NewsletterEndpoints.ExportPath));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                console.MarkupLineInterpolated($"[red]Could not reach the bot at {baseAddress}:[/] {ex.Message}");
                return 1;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    console.MarkupLineInterpolated($"[red]The bot answered {(int)response.StatusCode}:[/] {body}");
                    return 1;
                }

                if (result.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, body, ct).ConfigureAwait(false);
                    var rows = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
                    console.MarkupLineInterpolated($"Wrote {rows} confirmed subscriber(s) to {file.FullName}.");
                }
                else
                {
                    console.Profile.Out.Writer.Write(body);
                }

                return 0;
            }
        });
        return await root.Parse(args).InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
