using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Hosting;

/// <summary>A bot whose behaviour is chosen by the message text, so one host serves every endpoint test.</summary>
internal sealed class TestBot : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        switch (turnContext.Activity.Text)
        {
            case "throw":
                throw new InvalidOperationException("the bot broke");
            case "two":
                await turnContext.SendActivityAsync("first", cancellationToken: cancellationToken);
                await turnContext.SendActivityAsync("second", inputHint: InputHints.ExpectingInput, cancellationToken: cancellationToken);
                break;
            case "members":
                var client = turnContext.TurnState.Get<IConnectorClient>() ?? throw new InvalidOperationException("no connector client in TurnState");
                var members = await client.GetConversationMembersAsync(turnContext.Activity.Conversation!.Id!, cancellationToken);
                await turnContext.SendActivityAsync("members: " + string.Join(",", members.Select(m => m.Id)), cancellationToken: cancellationToken);
                break;
            case "trace":
                await turnContext.SendActivityAsync(Activity.CreateTraceActivity("debug", label: "state"), cancellationToken);
                await turnContext.SendActivityAsync("after trace", cancellationToken: cancellationToken);
                break;
            default:
                await turnContext.SendActivityAsync("echo: " + turnContext.Activity.Text, cancellationToken: cancellationToken);
                break;
        }
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            await turnContext.SendActivityAsync("welcome " + member.Id, cancellationToken: cancellationToken);
        }
    }

    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name == "adaptiveCard/action")
        {
            var body = JsonDocument.Parse("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"done"}""").RootElement.Clone();
            return Task.FromResult(new InvokeResponse(200, body));
        }

        return base.OnInvokeActivityAsync(turnContext, cancellationToken);
    }
}
