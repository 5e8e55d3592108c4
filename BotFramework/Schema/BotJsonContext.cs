using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Schema;

/// <summary>
/// Source-generated System.Text.Json metadata for the Bot Framework wire types: camelCase, nulls omitted,
/// lenient timestamps, duplicate keys refused (see <see cref="StrictJson"/>). Use <see cref="BotJson"/> for reading and writing.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = BotJson.MaxDepth,
    AllowDuplicateProperties = false,
    Converters = [typeof(LenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(Activity[]))]
[JsonSerializable(typeof(IList<Activity>))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(ChannelAccount[]))]
[JsonSerializable(typeof(IList<ChannelAccount>))]
[JsonSerializable(typeof(ConversationAccount))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(Entity))]
[JsonSerializable(typeof(CardAction))]
[JsonSerializable(typeof(SuggestedActions))]
[JsonSerializable(typeof(HeroCard))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(Error))]
[JsonSerializable(typeof(Mention))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
public partial class BotJsonContext : JsonSerializerContext
{
}
