using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.DirectLineBench;

/// <summary>The harness stub's echo bot, so ../shared/bench/webchat/scenarios/echo.json runs unchanged.</summary>
internal sealed class HarnessEchoBot : ActivityHandler
{
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync("Welcome to the Direct Line bench bot!", cancellationToken: cancellationToken);
            }
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var incoming = turnContext.Activity;
        var text = (incoming.Text ?? "").Trim();
        var isBack = incoming.ChannelData is { ValueKind: JsonValueKind.Object } data
            && (data.TryGetProperty("postBack", out _) || data.TryGetProperty("messageBack", out _));
        if (incoming.Value is { } value && isBack)
        {
            return turnContext.SendActivityAsync($"Got value: {value.GetRawText()}{(text.Length > 0 ? $" (text: {text})" : "")}", cancellationToken: cancellationToken);
        }

        if (text.Equals("options", StringComparison.OrdinalIgnoreCase))
        {
            var reply = MessageFactory("Pick a colour");
            reply.SuggestedActions = new SuggestedActions(null,
            [
                new CardAction(ActionTypes.ImBack, "Red", "Red"),
                new CardAction(ActionTypes.ImBack, "Blue", "Blue"),
                new CardAction(ActionTypes.PostBack, "Green") { Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["colour"] = "green" }, BenchJsonContext.Default.DictionaryStringString) },
            ]);
            return turnContext.SendActivityAsync(reply, cancellationToken);
        }

        if (text.Equals("hero", StringComparison.OrdinalIgnoreCase))
        {
            var reply = MessageFactory("Here is a card");
            var card = new HeroCard
            {
                Title = "The Author",
                Subtitle = "A hero card from the bench bot",
                Text = "Cards render buttons that the harness can click.",
                Buttons =
                [
                    new CardAction(ActionTypes.ImBack, "Tell me more", "more please"),
                    new CardAction(ActionTypes.MessageBack, "Buy")
                    {
                        Text = "buy",
                        DisplayText = "I want to buy",
                        Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["sku"] = "book-1" }, BenchJsonContext.Default.DictionaryStringString),
                    },
                ],
            };
            reply.Attachments = [card.ToAttachment()];
            return turnContext.SendActivityAsync(reply, cancellationToken);
        }

        return turnContext.SendActivityAsync($"You said: {text}", cancellationToken: cancellationToken);
    }

    private static Activity MessageFactory(string text) => new(ActivityTypes.Message) { Text = text };
}
