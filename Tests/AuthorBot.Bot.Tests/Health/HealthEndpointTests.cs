using System.Net;
using System.Text.Json;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.Dialogs.Recommendations;

namespace AuthorBot.Bot.Tests.Health;

public class HealthEndpointTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ready_is_503_while_the_state_database_cannot_be_opened_and_200_once_it_can_while_live_stays_200()
    {
        using var folder = new TempFolder();

        // The database's folder is a plain file, as when a volume is not mounted yet: SQLite cannot create the database.
        var blocker = Path.Combine(folder.Path, "state");
        await File.WriteAllTextAsync(blocker, "not a folder");
        await using var host = await RunningHost.StartAsync(
        [
            "--Storage:Provider=Sqlite",
            $"--Storage:Sqlite:Path={Path.Combine(blocker, "state.db")}",
            $"--Proactive:DatabasePath={Path.Combine(folder.Path, "proactive.db")}",
            $"--Recommendations:DataDirectory={Path.Combine(folder.Path, "recommender")}",
        ]);

        var (status, body) = await WaitForReadyAsync(host, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Contains("cannot be read", body.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("proactive-database").GetProperty("status").GetString());
        await AssertLiveAsync(host);

        File.Delete(blocker);
        (status, body) = await WaitForReadyAsync(host, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(blocker, "state.db")));
        await AssertLiveAsync(host);
    }

    [Fact]
    public async Task Ready_is_503_while_no_recommender_model_exists_and_200_after_a_retrain_while_live_stays_200()
    {
        using var folder = new TempFolder();

        // The recommender's data folder is a plain file: start-up can neither load nor train a model.
        var blocker = Path.Combine(folder.Path, "recommender");
        await File.WriteAllTextAsync(blocker, "not a folder");
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--Recommendations:DataDirectory={blocker}"]);

        var (status, body) = await WaitForReadyAsync(host, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var recommender = body.GetProperty("checks").GetProperty("recommender");
        Assert.Equal("Unhealthy", recommender.GetProperty("status").GetString());
        Assert.Contains("No recommender model", recommender.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("author-content").GetProperty("status").GetString());
        await AssertLiveAsync(host);

        // The folder becomes usable and the (scheduled) retrain runs: the model exists and the bot is ready again.
        File.Delete(blocker);
        await host.Services.GetRequiredService<ReaderRecommender>().RetrainAsync(CancellationToken.None);
        (status, body) = await WaitForReadyAsync(host, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Model version 1", body.GetProperty("checks").GetProperty("recommender").GetProperty("description").GetString(), StringComparison.Ordinal);
        await AssertLiveAsync(host);
    }

    private static async Task AssertLiveAsync(RunningHost host)
    {
        foreach (var path in new[] { "/healthz/live", "/healthz" })
        {
            using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> WaitForReadyAsync(RunningHost host, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (true)
        {
            using var response = await host.Client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (response.StatusCode == wanted || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body.RootElement.Clone());
            }

            await Task.Delay(100);
        }
    }
}
