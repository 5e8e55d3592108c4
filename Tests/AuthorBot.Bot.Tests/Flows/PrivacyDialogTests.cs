using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Reminders;
using Microsoft.Data.Sqlite;

namespace AuthorBot.Bot.Tests.Flows;

public sealed class PrivacyDialogTests : IDisposable
{
    private static readonly ReaderKey _jo = new("test", "user1");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task What_do_you_know_about_me_is_a_readable_summary_including_other_stores()
    {
        var harness = await ReaderWithHistoryAsync(new MemoryStorage());

        await harness.Flow()
            .Send("what do you know about me?")
            .AssertReply(reply =>
            {
                Assert.StartsWith("Here's what I know about you:", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Name: Jo", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Email: jo@example.org", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Newsletter: subscribed with jo@example.org since 23 November 2026", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Time zone: Europe/Paris", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Event RSVPs: 1 record", reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Where_text_is_all_the_summary_is_a_markdown_list_naming_each_source_with_export_and_delete_buttons()
    {
        var harness = await ReaderWithHistoryAsync(new MemoryStorage());

        await harness.Flow()
            .Send("what do you know about me?")
            .AssertReply(reply =>
            {
                var lines = reply.Text!.Split('\n');
                Assert.Equal("Here's what I know about you:", lines[0]);
                Assert.Equal(string.Empty, lines[1]); // a blank line, or Markdown runs the list into the intro
                Assert.Contains("- Name: Jo (you told me)", lines);
                Assert.Contains("- Email: jo@example.org (you gave it for the newsletter)", lines);
                Assert.Contains("- Time zone: Europe/Paris (you chose it in your preferences)", lines);
                Assert.Contains("- Event RSVPs: 1 record (what you did in our chats)", lines);
                Assert.Equal(["Export my data", "Delete my data"], reply.SuggestedActions!.Actions!.Select(a => a.Value!.Value.GetString()));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task In_web_chat_the_summary_is_a_fact_set_naming_each_source_with_export_and_delete_buttons_that_work()
    {
        var harness = new ReaderBotHarness(channelId: "webchat");
        await harness.SetProfileAsync(p =>
        {
            p.Name = "Ana";
            p.TimeZone = "America/New_York";
            p.TimeZoneFromClient = true;
            p.Locale = "en-US";
        });
        JsonObject? card = null;

        await harness.Flow()
            .Send("what do you know about me?")
            .AssertReply(reply => card = JsonNode.Parse(JsonSerializer.Serialize(Assert.Single(reply.Attachments!).Content))!.AsObject())
            .StartTestAsync();

        var facts = card!["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal("Ana · you told me", facts["Name"]);
        Assert.Equal("America/New_York · sent by your chat app", facts["Time zone"]);
        Assert.Equal("en-US · sent by your chat app", facts["Language"]);
        Assert.Equal("you haven't told me · nothing stored", facts["Email"]);
        var buttons = card["actions"]!.AsArray().Select(a => ((string)a!["title"]!, (string)a["data"]!["choice"]!)).ToList();
        Assert.Equal([("Export my data", "Export my data"), ("Delete my data", "Delete my data")], buttons);

        // Pressing Export posts the button's value with no text, as Web Chat does.
        var press = new Activity(ActivityTypes.Message) { Value = JsonSerializer.SerializeToElement(new { choice = "Export my data" }) };
        await harness.Flow()
            .Send(press)
            .AssertReply(reply => Assert.Equal("authorbot-my-data.json", Assert.Single(reply.Attachments!).Name))
            .StartTestAsync();
    }

    [Fact]
    public async Task From_the_menu_the_reader_picks_what_to_do_with_their_data()
    {
        var harness = new ReaderBotHarness(channelId: "emulator");

        await harness.Flow()
            .Send("menu")
            .AssertReply(reply => Assert.Contains(reply.SuggestedActions!.Actions!, a => a.Title == "Your data & privacy"))
            .Send("Your data & privacy")
            .AssertReply(reply => Assert.StartsWith("What would you like to do with your data?", reply.Text, StringComparison.Ordinal))
            .Send("summary")
            .AssertReply(reply =>
            {
                Assert.StartsWith("Here's what I know about you:", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Name: you haven't told me", reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Export_my_data_sends_a_json_file_gathered_from_every_store()
    {
        var harness = await ReaderWithHistoryAsync(new MemoryStorage());
        JsonNode? export = null;

        await harness.Flow()
            .Send("export my data")
            .AssertReply(reply =>
            {
                var file = Assert.Single(reply.Attachments!);
                Assert.Equal("application/json", file.ContentType);
                Assert.Equal("authorbot-my-data.json", file.Name);
                export = JsonNode.Parse(FlowTestHelpers.DataUrlText(file));
            })
            .StartTestAsync();

        Assert.NotNull(export);
        Assert.Equal("user1", (string?)export["reader"]!["userId"]);
        Assert.Equal("Jo", (string?)export["data"]!["profile and preferences"]!["ReaderProfile"]!["name"]);
        Assert.Equal("Europe/Paris", (string?)export["data"]!["profile and preferences"]!["ReaderProfile"]!["timeZone"]);
        Assert.Equal("worldbuilding-webinar", (string?)export["data"]!["event RSVPs"]![0]!["eventId"]);
    }

    [Fact]
    public async Task Saying_no_to_the_confirmation_deletes_nothing()
    {
        var harness = await ReaderWithHistoryAsync(new MemoryStorage());

        await harness.Flow()
            .Send("delete my data")
            .AssertReply(reply => Assert.Contains("It can't be undone. Delete everything?", reply.Text, StringComparison.Ordinal))
            .Send("wibble")
            .AssertReply(reply => Assert.StartsWith("Please answer yes to delete everything I know about you, or no to keep it.", reply.Text, StringComparison.Ordinal))
            .Send("no")
            .AssertReply("Okay, I haven't deleted anything.")
            .StartTestAsync();

        Assert.Equal("Jo", (await harness.StoredProfileAsync())?.Name);
        var stores = harness.Services.GetServices<IReaderDataStore>().ToDictionary(s => s.Name);
        Assert.NotNull(await stores["profile and preferences"].ExportAsync(_jo, default));
        Assert.NotNull(await stores["event RSVPs"].ExportAsync(_jo, default));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Delete_my_data_leaves_no_record_about_the_reader_in_storage_or_any_store(string kind)
    {
        var sqlitePath = Path.Combine(_folder.Path, "state.db");
        IStorage inner = kind == "sqlite" ? new SqliteStorage(sqlitePath) : new MemoryStorage();
        var storage = new KeyRecordingStorage(inner);
        var harness = await ReaderWithHistoryAsync(storage);
        var other = new ReaderBotHarness(storage, user: "someone-else", conversationId: "convo2", configure: s => s.AddSingleton<IReminderScheduler>(new RecordingReminderScheduler()));
        await other.SetProfileAsync(p => p.Name = "Sam");

        Assert.Contains((await storage.RemainingAsync()).Values, json => json.Contains("user1", StringComparison.Ordinal));

        await harness.Flow()
            .Send("please delete my data")
            .AssertReply(reply => Assert.Contains("event RSVPs", reply.Text, StringComparison.Ordinal))
            .Send("yes")
            .AssertReply(reply => Assert.StartsWith("Done: I've deleted everything I had about you.", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        var remaining = await storage.RemainingAsync();
        foreach (var (key, json) in remaining)
        {
            Assert.DoesNotContain("user1", key, StringComparison.Ordinal);
            Assert.DoesNotContain("convo1", key, StringComparison.Ordinal);
            Assert.DoesNotContain("user1", json, StringComparison.Ordinal);
            Assert.DoesNotContain("jo@example.org", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Jo\"", json, StringComparison.Ordinal);
        }

        Assert.Contains(remaining.Values, json => json.Contains("Sam", StringComparison.Ordinal)); // only this reader's data went
        foreach (var store in harness.Services.GetServices<IReaderDataStore>())
        {
            Assert.Null(await store.ExportAsync(_jo, default));
        }

        if (kind == "sqlite")
        {
            // Straight from the database file, not through the store: no row mentions the reader.
            await using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM documents WHERE key LIKE '%user1%' OR json LIKE '%user1%' OR json LIKE '%jo@example.org%' OR key LIKE '%convo1%'";
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }

        // The reader can carry on: the bot starts afresh.
        await harness.Flow()
            .Send("hi")
            .AssertReply(reply => Assert.StartsWith("Hello!", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
        Assert.Null((await harness.StoredProfileAsync())?.Name);
    }

    /// <summary>Jo subscribed to the newsletter, set a time zone and RSVP'd to the webinar.</summary>
    private static async Task<ReaderBotHarness> ReaderWithHistoryAsync(IStorage storage)
    {
        var harness = new ReaderBotHarness(storage, configure: s => s.AddSingleton<IReminderScheduler>(new RecordingReminderScheduler()));
        await harness.Flow()
            .Send("subscribe").AssertReply(_ => { })
            .Send("Jo").AssertReply(_ => { })
            .Send("jo@example.org").AssertReply(_ => { })
            .Send("yes").AssertReply("Thanks Jo, you're subscribed.")
            .Send("events").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("webinar").AssertReply(_ => { })
            .Send("rsvp").AssertReply(reply => Assert.StartsWith("You're in!", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
        await harness.SetProfileAsync(p => p.TimeZone = "Europe/Paris");
        return harness;
    }
}
