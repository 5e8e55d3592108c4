using System.Net;
using System.Net.Sockets;
using AuthorBot.Bot.Tests.Announcements;

namespace AuthorBot.Bot.Tests.FirstRun;

/// <summary>The first minute of a newcomer with the README: `dotnet run --project Bot`, a port of their choosing, a busy one.</summary>
public sealed class FirstRunConsoleTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Dotnet_run_listens_on_PORT_and_says_where_to_chat()
    {
        using var folder = new TempFolder();
        var port = BotProcess.FreePort();
        using var run = ConsoleProcess.Start(
            ConsoleProcess.RepositoryRoot,
            new Dictionary<string, string> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["run", "--no-build", "-c", ConsoleProcess.Configuration, "--project", "Bot", "--", .. DataIn(folder.Path)]);

        var ready = await run.WaitForLineAsync(l => l.Contains("AuthorBot is ready", StringComparison.Ordinal), _timeout);

        Assert.Contains($"http://localhost:{port}/ ", ready, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:{port}/api/messages", ready, StringComparison.Ordinal);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var page = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_busy_port_is_one_line_naming_the_port_and_the_setting_to_change()
    {
        using var folder = new TempFolder();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        using var run = ConsoleProcess.Start(
            folder.Path,
            new Dictionary<string, string>(),
            [Path.Combine(AppContext.BaseDirectory, "AuthorBot.Bot.dll"), $"--urls=http://127.0.0.1:{port}", .. DataIn(folder.Path)]);

        var code = await run.WaitForExitAsync(_timeout);

        Assert.Equal(1, code);
        var line = Assert.Single(run.Stderr);
        Assert.Contains($"port {port} is already in use", line, StringComparison.Ordinal);
        Assert.Contains($"PORT={port + 1}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.All, StringComparison.Ordinal);
    }

    // Everything the bot writes goes to the test's folder, not into the checkout.
    private static string[] DataIn(string folder) =>
    [
        "--Storage:Provider=Memory",
        $"--Proactive:DatabasePath={Path.Combine(folder, "proactive.db")}",
        $"--Recommendations:DataDirectory={folder}",
        $"--DirectLine:DataDirectory={folder}",
    ];
}
