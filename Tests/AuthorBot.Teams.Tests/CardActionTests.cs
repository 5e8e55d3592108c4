using System.Net;
using System.Text.Json;
using AuthorBot.Bot.Teams;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthorBot.Teams.Tests;

/// <summary>
/// Adaptive Card buttons as the playground sends them (its captured Action.Execute invoke and Action.Submit message)
/// against the real host: answers are cards or polite lines, never a 5xx.
/// </summary>
public sealed class CardActionTests
{
    [Fact]
    public async Task The_playgrounds_own_execute_sample_gets_a_polite_line_for_a_verb_it_does_not_know()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);

        var (status, body) = await InvokeAsync(host, Fixtures.Activity("playground/channel-action-execute-invoke.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, body.GetProperty("type").GetString());
        Assert.Contains("older card", body.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_rsvp_press_answers_with_the_refreshed_card_and_pressing_again_changes_nothing()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);

        var (status, first) = await InvokeAsync(host, Execute("rsvp", """{"eventId":"edinburgh-signing"}"""));
        var (_, again) = await InvokeAsync(host, Execute("rsvp", """{"eventId":"edinburgh-signing"}"""));
        var (_, cancel) = await InvokeAsync(host, Execute("cancelRsvp", """{"eventId":"edinburgh-signing"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, first.GetProperty("type").GetString());
        var card = first.GetProperty("value").GetRawText();
        Assert.Contains("You\\u0027re in, 39 seats left.", card, StringComparison.Ordinal);
        Assert.Contains("Cancel my RSVP", card, StringComparison.Ordinal);
        Assert.Contains("You already had a seat.", again.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("You\\u0027re in, 39 seats left.", again.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("40 seats left.", cancel.GetProperty("value").GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rsvp", """{"eventId":"gone-event"}""", "I can't find that event any more")]
    [InlineData("rsvp", """{}""", "I can't find that event any more")]
    [InlineData("rsvp", """{"eventId":42}""", "I can't find that event any more")]
    [InlineData("cancelRsvp", """{"eventId":"worldbuilding-webinar"}""", "nothing to cancel")]
    public async Task Stale_or_malformed_event_presses_get_a_polite_answer(string verb, string data, string expected)
    {
        using var folder = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(folder.Path);

        var (status, body) = await InvokeAsync(host, Execute(verb, data));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, body.GetProperty("value").GetRawText().Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_press_that_is_not_an_execute_is_a_client_error_not_a_server_error()
    {
        using var folder = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(folder.Path);
        var invoke = Execute("rsvp", "{}");
        invoke.Value = JsonDocument.Parse("""{"action":{"type":"Action.Submit","title":"x"}}""").RootElement.Clone();

        using var response = await host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_playgrounds_submit_sample_in_a_group_chat_needs_no_mention_and_an_unknown_card_is_said_to_be_stale()
    {
        using var folder = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(folder.Path);

        var replies = await host.ExpectRepliesAsync(Fixtures.Activity("playground/group-action-submit.json"));

        Assert.Contains("can't act on any more", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_book_button_pressed_on_an_old_card_records_the_feedback_as_a_value()
    {
        using var folder = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(folder.Path);
        var submit = Fixtures.Activity("playground/group-action-submit.json");
        submit.Value = JsonDocument.Parse("""{"action":"not-interested","bookId":"2"}""").RootElement.Clone();

        var replies = await host.ExpectRepliesAsync(submit);

        Assert.Equal("Got it, I won't suggest Harry Potter and the Sorcerer's Stone again.", replies[0].Text);
    }

    [Fact]
    public async Task A_failing_card_action_answers_with_an_apology_instead_of_a_5xx()
    {
        var invoke = Execute("rsvp", "{}");
        var context = new TurnContext(new TestAdapter(Channels.Msteams), invoke);
        var other = new TurnContext(new TestAdapter(Channels.Msteams), Fixtures.Activity("playground/personal-message.json"));
        var innerCalls = 0;
        var handler = CardActionFailure.Around((_, _) => { innerCalls++; return Task.CompletedTask; }, NullLogger.Instance);

        await handler(context, new InvalidOperationException("storage down"));
        await handler(other, new InvalidOperationException("storage down"));

        var response = context.TurnState.Get<InvokeResponse>(BotAdapter.InvokeResponseKey)!;
        Assert.Equal(200, response.Status);
        Assert.Equal(CardActionFailure.Apology, response.Body!.Value.GetProperty("value").GetString());
        Assert.Equal(1, innerCalls);
    }

    private static Activity Execute(string verb, string dataJson)
    {
        var invoke = Fixtures.Activity("playground/channel-action-execute-invoke.json");
        invoke.Id = Guid.NewGuid().ToString();
        invoke.Value = JsonDocument.Parse($$$"""{"action":{"type":"Action.Execute","title":"x","verb":"{{{verb}}}","data":{{{dataJson}}}}}""").RootElement.Clone();
        return invoke;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(TeamsBotHost host, Activity invoke)
    {
        using var response = await host.PostAsync(invoke);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
