using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>
/// What each channel can show, in one table: how many suggested actions and card buttons it renders, and how long a
/// button title may be. Sources: the protocol spec §7 "Channel limits" (Bot Framework channel reference and the
/// Bot Builder JS choices/channel.ts table) and §5.3 "Suggested actions in Teams".
/// </summary>
public static class Channel
{
    /// <summary>Button titles longer than this are cut or wrapped by most channels (spec §7, "max title length 20").</summary>
    public const int MaxActionTitleLength = 20;

    /// <summary>Whether <paramref name="channelId"/> shows <paramref name="buttonCount"/> suggested actions.</summary>
    /// <remarks>
    /// Teams is deliberately "no": its current docs allow only 3 suggested actions and none on messages with
    /// attachments, while older docs and the SDK say none; spec §5.3 decides that choices use card buttons there.
    /// Channels not listed (including the "test" channel) get plain text, as in Bot Builder.
    /// </remarks>
    /// <param name="channelId">The channel id.</param>
    /// <param name="buttonCount">How many actions would be shown.</param>
    /// <returns>True when the channel renders that many suggested actions.</returns>
    public static bool SupportsSuggestedActions(string? channelId, int buttonCount = 100) => channelId switch
    {
        Channels.Facebook or Channels.Skype => buttonCount <= 10,
        Channels.Line => buttonCount <= 13,
        Channels.Emulator or Channels.Directline or Channels.DirectlineSpeech or Channels.Webchat or Channels.Telegram => buttonCount <= 100,
        _ => false,
    };

    /// <summary>Whether <paramref name="channelId"/> shows <paramref name="buttonCount"/> buttons on a card.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="buttonCount">How many buttons would be shown.</param>
    /// <returns>True when the channel renders that many card buttons.</returns>
    public static bool SupportsCardActions(string? channelId, int buttonCount = 100) => channelId switch
    {
        Channels.Facebook or Channels.Skype => buttonCount <= 3,
        Channels.Msteams => buttonCount <= 50,
        Channels.Line => buttonCount <= 99,
        Channels.Slack or Channels.Telegram or Channels.Emulator or Channels.Directline or Channels.DirectlineSpeech or Channels.Webchat => buttonCount <= 100,
        _ => false,
    };

    /// <summary>Whether <paramref name="channelId"/> renders Adaptive Cards 1.5 with Action.Submit buttons and inputs.</summary>
    /// <remarks>
    /// Teams and Web Chat (4.18 bundles Adaptive Cards 3.0, schema 1.6) do; the Emulator's renderer and other channels
    /// get hero cards.
    /// </remarks>
    /// <param name="channelId">The channel id.</param>
    /// <returns>True when Adaptive Cards are a good choice there.</returns>
    public static bool SupportsAdaptiveCards(string? channelId) =>
        channelId is Channels.Msteams or Channels.Webchat or Channels.Directline or Channels.DirectlineSpeech;

    /// <summary>
    /// Whether <paramref name="channelId"/> sends Adaptive Card Action.Execute as an <c>adaptiveCard/action</c> invoke and
    /// shows the card in the answer in place of the old one (Universal Actions). Only Teams does.
    /// </summary>
    /// <param name="channelId">The channel id.</param>
    /// <returns>True when Action.Execute cards work there.</returns>
    public static bool SupportsAdaptiveCardExecute(string? channelId) => channelId is Channels.Msteams;

    /// <summary>The channel of the current turn.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <returns>The channel id, or an empty string when the activity has none.</returns>
    public static string GetChannelId(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.ChannelId ?? string.Empty;
    }
}
