using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.Bot;
using Npgsql;

namespace AuthorBot.Deployment.Tests;

/// <summary>
/// The host started with the settings the template's PostgreSQL option gives the web app (the keys read from main.json,
/// the connection string pointing at a real local PostgreSQL) keeps a reader's signup in that database, and its
/// readiness check answers.
/// </summary>
public sealed partial class DeployedPostgresHostTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_signup_on_the_host_with_the_PostgreSQL_settings_lands_in_the_database_not_in_a_SQLite_file()
    {
        // createObject('Storage__Provider', 'Postgres', 'ConnectionStrings__Postgres', ...) in the web app's settings.
        var storage = StorageSettingNames().Match(DeployedTemplate.Module(DeployedHost.TemplateJson, "webApp").GetProperty("variables").GetProperty("storageSettings").GetString()!);
        Assert.True(storage.Success, "The web app's storage settings do not name the provider and the connection string.");
        var connectionString = await server.CreateDatabaseAsync();
        using var data = new TempFolder();
        using var contentRoot = new TempFolder();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(contentRoot.Path, "appsettings.json"));
        var args = DeployedHost.Arguments(data.Path, contentRoot.Path, [
            new(storage.Groups["provider"].Value, storage.Groups["value"].Value),
            new(storage.Groups["connection"].Value, connectionString),
        ]);

        await using var app = AuthorBotApp.Create(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.StartAsync(timeout.Token);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
            using (var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            Assert.Contains("name", await SayAsync(client, "subscribe to the newsletter"), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("mail", await SayAsync(client, "Ada"), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("newsletter", await SayAsync(client, "ada@example.com"), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("subscribed", await SayAsync(client, "yes"), StringComparison.OrdinalIgnoreCase);

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT json FROM bot_state WHERE key = 'emulator/users/reader-pg'", connection);
            var profile = (string?)await command.ExecuteScalarAsync();
            Assert.NotNull(profile);
            Assert.Contains("ada@example.com", profile, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data.Path, "authorbot.db")), "Bot state went to the SQLite file as well.");
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<string> SayAsync(HttpClient client, string text)
    {
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = "emulator",
            serviceUrl = "http://127.0.0.1:1",
            deliveryMode = "expectReplies",
            from = new { id = "reader-pg", name = "Reader" },
            recipient = new { id = "bot", name = "AuthorBot" },
            conversation = new { id = "conversation-pg" },
            text,
            locale = "en-US",
        };
        using var content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join('\n', body.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null)
            .Where(t => !string.IsNullOrEmpty(t)));
    }

    [GeneratedRegex(@"createObject\('(?<provider>Storage__Provider)', '(?<value>Postgres)', '(?<connection>ConnectionStrings__Postgres)'", RegexOptions.CultureInvariant)]
    private static partial Regex StorageSettingNames();
}
