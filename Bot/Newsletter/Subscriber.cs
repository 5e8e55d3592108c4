using System.Globalization;
using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Newsletter;

/// <summary>One reader's newsletter subscription as the mailing side keeps it.</summary>
internal sealed record Subscriber(
    string Id,
    ReaderKey Reader,
    string Email,
    string? Name,
    string? Wording,
    DateTimeOffset ConsentedAt,
    string Status,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? UnsubscribedAt,
    string? LastFailure)
{
    public JsonObject ToJson() => new()
    {
        ["email"] = Email,
        ["name"] = Name,
        ["status"] = Status,
        ["consentWording"] = Wording,
        ["consentedAt"] = ConsentedAt.ToString("O", CultureInfo.InvariantCulture),
        ["confirmedAt"] = ConfirmedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["unsubscribedAt"] = UnsubscribedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["lastDeliveryFailure"] = LastFailure,
    };
}
