using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AuthorBot.Bot.Recommendations;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.Deployment.Tests;

/// <summary>The host, run with the web app's settings from the template, behaves as App Service needs it to.</summary>
public class DeployedHostTests(DeployedHost host) : IClassFixture<DeployedHost>
{
    [Fact]
    public async Task The_health_check_path_App_Service_probes_answers()
    {
        var webApp = DeployedTemplate.Module(DeployedHost.TemplateJson, "webApp");
        var path = DeployedTemplate.Resource(webApp, "Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("healthCheckPath").GetString()!;

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_command_the_Teams_manifest_offers_starts_a_flow()
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(BuildPaths.DeploymentTemplates, "teams", "manifest.json")));
        var commands = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .SelectMany(l => l.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()!))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(6, commands.Count);
        foreach (var command in commands)
        {
            var reply = await host.SayAsync("command-" + command, command);

            Assert.False(string.IsNullOrWhiteSpace(reply), $"No reply to '{command}'.");
            Assert.DoesNotContain("didn't catch that", reply, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Everything_the_bot_writes_lands_in_the_persistent_data_folder_and_nothing_in_the_content_root()
    {
        await host.SayAsync("files", "recommend");
        using (var token = await host.Client.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null))
        {
            token.EnsureSuccessStatusCode();
        }

        await host.Services.GetRequiredService<RecommenderTrainingHostedService>().FirstModel.WaitAsync(TimeSpan.FromMinutes(2));

        foreach (var file in new[] { "authorbot.db", "proactive.db", "directline.secret", "recommender.model" })
        {
            Assert.True(File.Exists(Path.Combine(host.DataDirectory, file)), $"{file} is not in the data folder.");
        }

        Assert.Equal(["appsettings.json"], Directory.EnumerateFileSystemEntries(host.ContentRoot).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Behind_App_Services_TLS_front_end_the_Direct_Line_stream_is_offered_over_wss()
    {
        string token;
        using (var grant = await host.Client.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null))
        {
            grant.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await grant.Content.ReadAsStringAsync());
            token = body.RootElement.GetProperty("token").GetString()!;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v3/directline/conversations", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await host.Client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        using var conversation = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("wss://", conversation.RootElement.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }
}
