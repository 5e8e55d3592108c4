using System.Text.Json;
using AuthorBot.Bot.Announcements;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Teams.Tests;

/// <summary>The reader profile keeps the Teams context it is given: Entra object id, tenant, locale, clientInfo time zone.</summary>
public sealed class ClientContextTests
{
    [Fact]
    public async Task The_profile_keeps_the_account_tenant_locale_and_client_time_zone_until_the_reader_picks_a_zone()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);
        var reader = new ReaderKey("msteams", "29:1harness-user-0");

        await host.ExpectRepliesAsync(Message("help", "America/New_York", "en-GB"));
        var first = await ProfileAsync(host, reader);
        await host.ExpectRepliesAsync(Message("help", "Europe/Paris", "en-GB"));
        var moved = await ProfileAsync(host, reader);
        await host.ExpectRepliesAsync(Message("preferences", "Europe/Paris", "en-GB"));
        var save = Message(null, "Europe/Paris", "en-GB");
        save.Value = JsonDocument.Parse("""{"action":"save-preferences","timeZone":"Sydney","perWeek":"3","announcements":"true"}""").RootElement.Clone();
        await host.ExpectRepliesAsync(save);
        await host.ExpectRepliesAsync(Message("help", "Asia/Tokyo", "en-GB"));
        var chosen = await ProfileAsync(host, reader);

        Assert.Equal("00000000-0000-4000-8000-000000000020", first.AadObjectId);
        Assert.Equal("00000000-0000-4000-8000-000000000001", first.TenantId);
        Assert.Equal("en-GB", first.Locale);
        Assert.Equal(("America/New_York", true), (first.TimeZone, first.TimeZoneFromClient));
        Assert.Equal(("Europe/Paris", true), (moved.TimeZone, moved.TimeZoneFromClient));
        Assert.Equal(("Australia/Sydney", false), (chosen.TimeZone, chosen.TimeZoneFromClient));
    }

    [Fact]
    public async Task An_older_teams_payload_gives_the_tenant_from_channel_data_and_the_account_id()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);
        var message = Fixtures.Activity("teams/SampleActivityMessageWithAADObjectId.json");
        message.ServiceUrl = "http://127.0.0.1:9";

        await host.ExpectRepliesAsync(message);
        var profile = await ProfileAsync(host, new ReaderKey("msteams", "29:uniqueId"));

        Assert.Equal("d2ffaeab-d802-4fec-8580-0987e9ad2628", profile.AadObjectId);
        Assert.Equal("09e852a2-4575-45f7-9586-7cc3acfdc715", profile.TenantId);
        Assert.Equal("en-US", profile.Locale);
        Assert.Null(profile.TimeZone);
    }

    [Fact]
    public void Client_info_of_the_playground_sample_is_read_and_an_unknown_zone_is_ignored()
    {
        var profile = new ReaderProfile();
        var sample = Fixtures.Activity("playground/personal-message.json");

        Assert.True(ClientContext.Apply(profile, sample));
        Assert.False(ClientContext.Apply(profile, sample));
        Assert.Equal("UTC", profile.TimeZone);

        var odd = Fixtures.Activity("playground/personal-message.json");
        odd.Entities = [.. odd.Entities!.Where(e => e.Type != "clientInfo")];
        odd.LocalTimezone = "Mars/Olympus_Mons";
        Assert.False(ClientContext.Apply(profile, odd));
        Assert.Equal("UTC", profile.TimeZone);
    }

    private static Activity Message(string? text, string timeZone, string locale)
    {
        var message = Fixtures.Activity("playground/personal-message.json");
        message.Id = Guid.NewGuid().ToString();
        message.Text = text;
        var info = message.Entities!.Single(e => e.Type == "clientInfo");
        info.Properties!["timezone"] = JsonSerializer.SerializeToElement(timeZone);
        info.Properties["locale"] = JsonSerializer.SerializeToElement(locale);
        return message;
    }

    private static async Task<ReaderProfile> ProfileAsync(TeamsBotHost host, ReaderKey reader) =>
        (await host.Services.GetRequiredService<ReaderProfileReader>().ReadAsync([reader], CancellationToken.None))[reader];
}
