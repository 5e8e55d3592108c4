using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.DirectLine;

/// <summary>A tiny bot: welcomes added users, echoes messages, and has a few trigger words for edge cases.</summary>
internal sealed class EchoTestBot : ActivityHandler
{
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync($"Welcome, {member.Id}!", cancellationToken: cancellationToken);
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        switch (text)
        {
            case "boom":
                throw new InvalidOperationException("the bot fell over");
            case "typing":
                await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
                await turnContext.SendActivityAsync("done typing", cancellationToken: cancellationToken);
                break;
            case "edit":
                var draft = await turnContext.SendActivityAsync("draft", cancellationToken: cancellationToken);
                await turnContext.UpdateActivityAsync(new Activity(ActivityTypes.Message) { Id = draft!.Id, Text = "final" }, cancellationToken);
                break;
            case "delete":
                var doomed = await turnContext.SendActivityAsync("short-lived", cancellationToken: cancellationToken);
                await turnContext.DeleteActivityAsync(doomed!.Id!, cancellationToken);
                break;
            default:
                var attachments = turnContext.Activity.Attachments?.Count ?? 0;
                await turnContext.SendActivityAsync(attachments > 0 ? $"got {attachments} attachment(s)" : "echo: " + text, cancellationToken: cancellationToken);
                break;
        }
    }
}
