using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Flows;

internal static class FlowTestHelpers
{
    /// <summary>Changes the stored profile in a turn of its own, as an earlier conversation would have.</summary>
    public static async Task SetProfileAsync(this ReaderBotHarness harness, Action<ReaderProfile> change)
    {
        var probe = harness.Adapter.MakeActivity();
        probe.Type = ActivityTypes.Event;
        probe.Name = "test/setProfile";
        await harness.Adapter.ProcessActivityAsync(probe, async (turnContext, cancellationToken) =>
            change(await harness.Accessors.Profile.GetAsync(turnContext, () => new ReaderProfile(), cancellationToken)));
    }

    /// <summary>The bytes of a base64 data: URL attachment.</summary>
    public static string DataUrlText(Attachment attachment)
    {
        var url = attachment.ContentUrl ?? throw new InvalidOperationException("The attachment has no content URL.");
        Assert.StartsWith("data:" + attachment.ContentType, url, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(url[(url.IndexOf(";base64,", StringComparison.Ordinal) + 8)..]));
    }

    /// <summary>The hero card in an attachment.</summary>
    public static HeroCard Hero(Attachment attachment)
    {
        Assert.Equal(HeroCard.ContentType, attachment.ContentType);
        return attachment.Content!.Value.Deserialize<HeroCard>(BotJson.Options)!;
    }
}
