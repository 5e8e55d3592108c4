using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>One entry of the dialog stack: which dialog, and its persisted state.</summary>
public class DialogInstance
{
    /// <summary>The dialog's id within its set.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The dialog's own state. It is stored as JSON, so after a turn ends values come back as strings, longs, doubles,
    /// booleans and, for objects and arrays, <see cref="System.Text.Json.JsonElement"/>; read them with
    /// <see cref="DialogStateExtensions.GetValue{T}"/>.
    /// </summary>
    [JsonConverter(typeof(DialogInstanceStateConverter))]
    public IDictionary<string, object?> State { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
