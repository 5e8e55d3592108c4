using System.Text.Json;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Dialogs.Routing;

/// <summary>
/// What AuthorBot's own card buttons send: Action.Submit data (a message's <c>value</c>) and Action.Execute data name
/// what to do under <see cref="ActionProperty"/> and carry its parameters (a book id, an event id, form inputs) as
/// further properties. Flows read these values; nothing is turned back into text to parse.
/// </summary>
internal static class CardSubmit
{
    /// <summary>The property naming the action.</summary>
    public const string ActionProperty = "action";

    /// <summary>The action a card submission names, or null when the message is not one of ours.</summary>
    public static string? ActionOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { } value ? Text(value, ActionProperty) : null;
    }

    /// <summary>A submitted field as text (inputs arrive as strings; numbers are accepted too), or null.</summary>
    public static string? Text(JsonElement? data, string name)
    {
        if (data is not { ValueKind: JsonValueKind.Object } payload || !payload.TryGetProperty(name, out var field))
        {
            return null;
        }

        return field.ValueKind switch
        {
            JsonValueKind.String => field.GetString(),
            JsonValueKind.Number => field.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }
}
