using AuthorBot.BotFramework.Builder;
using Microsoft.Extensions.Options;

namespace AuthorBot.Dialogs.Writing;

/// <summary>
/// Decides whether a turn comes from the author: a reader id listed in <c>Authors:Ids</c>, or a Web Chat id the
/// dashboard issued to whoever signed in there with the announcements key (<see cref="DashboardIdPrefix"/>). Either way
/// the channel must vouch for the id: one a client merely claims never counts.
/// </summary>
/// <param name="options">The configured author ids.</param>
public sealed class AuthorDirectory(IOptionsMonitor<AuthorAccessOptions> options)
{
    /// <summary>
    /// How the Web Chat ids the dashboard issues begin. The page's own token endpoint never issues one, and Direct Line
    /// tokens are signed by this host, so only the dashboard's sign-in leads to such an id.
    /// </summary>
    public const string DashboardIdPrefix = "dl_author_";

    /// <summary>True when the turn's reader is the author.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <returns>Whether writing feedback and the other author tools are open to them.</returns>
    public bool IsAuthor(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var id = turnContext.Activity.From?.Id;
        if (string.IsNullOrEmpty(id) || !TurnIdentity.IsUserVouched(turnContext))
        {
            return false;
        }

        return options.CurrentValue.Ids.Contains(id, StringComparer.Ordinal)
            || (string.Equals(turnContext.Activity.ChannelId, "directline", StringComparison.Ordinal) && id.StartsWith(DashboardIdPrefix, StringComparison.Ordinal));
    }
}
