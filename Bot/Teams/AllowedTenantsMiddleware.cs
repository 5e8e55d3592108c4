using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Routing;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Teams;

/// <summary>
/// With <c>Teams:AllowedTenants</c> set, Teams activities from any other tenant get a polite refusal and go no further:
/// they come first in the pipeline, so no conversation reference, profile or state about them is ever stored.
/// Other channels and the bot's own proactive turns pass untouched.
/// </summary>
internal sealed partial class AllowedTenantsMiddleware(IOptions<TeamsOptions> options, ILogger<AllowedTenantsMiddleware> logger) : BotFramework.Builder.IMiddleware
{
    public const string Refusal = "Sorry, AuthorBot isn't available for your organization. If you think it should be, please ask your Teams administrator.";

    private readonly HashSet<string> _allowed = options.Value.AllowedTenants;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (_allowed.Count == 0
            || !string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.Ordinal)
            || activity.Name is ActivityEventNames.ContinueConversation or ActivityEventNames.CreateConversation
            || TenantOf(activity) is { } tenant && _allowed.Contains(tenant))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        LogRefused(TenantOf(activity) ?? "(none)", activity.Type);
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardInvokeValue.InvokeName:
                turnContext.TurnState.Set(
                    BotAdapter.InvokeResponseKey,
                    InvokeResponse.Create(200, CardActionResponses.Message(Refusal), BotJsonContext.Default.AdaptiveCardInvokeResponse));
                break;
            case ActivityTypes.Invoke:
                turnContext.TurnState.Set(BotAdapter.InvokeResponseKey, new InvokeResponse(403));
                break;
            case ActivityTypes.Message:
            case ActivityTypes.InstallationUpdate when activity.Action is InstallationUpdateActionTypes.Add:
                await turnContext.SendActivityAsync(Refusal, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            default:
                // Reactions, member changes, uninstalls: nobody is waiting for an answer.
                break;
        }
    }

    /// <summary>The activity's tenant: conversation.tenantId, or channelData.tenant.id on older payloads.</summary>
    internal static string? TenantOf(Activity activity) =>
        activity.Conversation?.TenantId
        ?? (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a Teams {ActivityType} from tenant {TenantId}: it is not in Teams:AllowedTenants")]
    private partial void LogRefused(string tenantId, string? activityType);
}
