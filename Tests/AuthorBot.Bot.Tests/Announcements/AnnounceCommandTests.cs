using AuthorBot.Bot.Announcements;
using Spectre.Console;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class AnnounceCommandTests
{
    [Fact]
    public async Task The_command_line_creates_an_announcement_and_watches_it_to_the_end()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        await host.SeedReadersAsync(3, channel.ServiceUrl);
        var (code, text) = await RunAsync(
            "--url", host.Host.BaseAddress.ToString(), "--key", AnnouncementHost.ApiKey, "--interval", "0.05",
            "--name", "Launch", "--variant", "A=Hi {name}", "--variant", "B=Hello {name}");

        Assert.True(code == 0, text);
        Assert.Contains("completed: targeted 3, sent 3, failed 0", text, StringComparison.Ordinal);
        Assert.Equal(3, channel.PostCount);

        var id = text.Split(' ', '\n').First(w => w.StartsWith("ann_", StringComparison.Ordinal));
        var (resultsCode, results) = await RunAsync("results", id, "--url", host.Host.BaseAddress.ToString(), "--key", AnnouncementHost.ApiKey);
        Assert.True(resultsCode == 0, results);
        Assert.Contains("B vs A clickRate", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_explains_a_missing_or_refused_key()
    {
        await using var host = await AnnouncementHost.StartAsync();
        var (missing, missingText) = await RunAsync("--url", host.Host.BaseAddress.ToString(), "--text", "hi");
        var (wrong, wrongText) = await RunAsync("--url", host.Host.BaseAddress.ToString(), "--key", "nope", "--text", "hi");
        var (bad, badText) = await RunAsync("--url", host.Host.BaseAddress.ToString(), "--key", AnnouncementHost.ApiKey, "--text", "Hi {nme}");
        Assert.Equal(2, missing);
        Assert.Contains("No API key", missingText, StringComparison.Ordinal);
        Assert.Equal(1, wrong);
        Assert.Contains("401", wrongText, StringComparison.Ordinal);
        Assert.Equal(1, bad);
        Assert.Contains("Unknown placeholder", badText, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        var code = await AnnounceCommand.RunAsync(args, console, null, CancellationToken.None);
        return (code, writer.ToString());
    }
}
