using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;

namespace AuthorBot.BotFramework.Tests.Hosting;

/// <summary>A bot whose behaviour is chosen by the message text, so one host serves every endpoint test.</summary>
internal sealed class TestBot(TurnGate? gate = null, IHttpContextAccessor? httpContextAccessor = null) : ActivityHandler
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
            case "survive-hangup":
                // Wait until the channel has really hung up on this request, then reply with the turn's token.
                var aborted = httpContextAccessor!.HttpContext!.RequestAborted;
                var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (aborted.Register(() => hungUp.TrySetResult()))
                {
                    gate!.Entered.TrySetResult();
                    await hungUp.Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
                }

                await turnContext.SendActivityAsync("still answered", cancellationToken: cancellationToken);
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

/// <summary>Lets a test know when the bot is inside a turn.</summary>
internal sealed class TurnGate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
