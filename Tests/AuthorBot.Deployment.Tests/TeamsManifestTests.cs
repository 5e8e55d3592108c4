using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorBot.Deployment.Tests;

public class TeamsManifestTests
{
    private static readonly string _manifestPath = Path.Combine(BuildPaths.DeploymentTemplates, "teams", "manifest.json");

    private readonly TeamsManifestSchema _schema = TeamsManifestSchema.Load();

    [Fact]
    public void The_committed_manifest_with_its_placeholder_id_validates_against_the_v1_29_schema()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(_manifestPath));

        Assert.Empty(_schema.Validate(manifest.RootElement));
        Assert.Equal("1.29", manifest.RootElement.GetProperty("manifestVersion").GetString());
        Assert.Equal(
            "https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json",
            manifest.RootElement.GetProperty("$schema").GetString());
    }

    [Theory]
    [InlineData("manifestVersion", "\"1.28\"", "/manifestVersion")]
    [InlineData("id", "\"not-a-guid\"", "/id")]
    [InlineData("accentColor", "\"blue\"", "/accentColor")]
    [InlineData("unknownField", "true", "/unknownField")]
    public void The_schema_rejects_a_manifest_Teams_would_refuse(string property, string value, string location)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(_manifestPath))!.AsObject();
        manifest[property] = JsonNode.Parse(value);
        using var document = JsonDocument.Parse(manifest.ToJsonString());

        var errors = _schema.Validate(document.RootElement);

        Assert.Contains(errors, e => e.StartsWith(location + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bot_scope_Teams_does_not_know_is_rejected()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(_manifestPath))!.AsObject();
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("teams");
        using var document = JsonDocument.Parse(manifest.ToJsonString());

        Assert.Contains(_schema.Validate(document.RootElement), e => e.StartsWith("/bots/0/scopes/3:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bot_is_offered_personally_in_teams_and_in_group_chats_with_the_readers_commands()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(_manifestPath));
        var bot = manifest.RootElement.GetProperty("bots").EnumerateArray().Single();

        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var lists = bot.GetProperty("commandLists").EnumerateArray().ToList();
        var personal = lists.Single(l => l.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == "personal"));
        Assert.Equal(
            ["help", "recommend", "events", "newsletter", "preferences", "privacy"],
            personal.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()));

        // Every scope the bot is offered in has a command list, and every command says what it does.
        var listed = lists.SelectMany(l => l.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())).ToList();
        Assert.Equal(bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order(), listed.Order());
        Assert.All(
            lists.SelectMany(l => l.GetProperty("commands").EnumerateArray()),
            c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("description").GetString())));

        // The bot answers where it was asked: in a team or a group chat everyone would read a reader's data, e-mail
        // address or quiet hours, so those commands are offered in personal chats only.
        var shared = lists.Where(l => l.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() is "team" or "groupChat"))
            .SelectMany(l => l.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        Assert.DoesNotContain(shared, t => t is "privacy" or "preferences" or "newsletter");
    }
}
