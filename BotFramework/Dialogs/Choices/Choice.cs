using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>One option offered to the user: its value, optional synonyms the user may say, and an optional button action.</summary>
public class Choice
{
    /// <summary>Creates an empty choice (for serializers).</summary>
    public Choice()
    {
    }

    /// <summary>Creates a choice with a value.</summary>
    /// <param name="value">The value returned when chosen; also the button title by default.</param>
    public Choice(string value)
    {
        Value = value;
    }

    /// <summary>The value returned when the choice is picked; also the button title unless <see cref="Action"/> says otherwise.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The button to render for this choice instead of a default imBack.</summary>
    public CardAction? Action { get; set; }

    /// <summary>Other words or phrases that pick this choice.</summary>
    public IList<string>? Synonyms { get; set; }
}
