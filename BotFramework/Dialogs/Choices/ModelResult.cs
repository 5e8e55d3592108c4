namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>A recognized span of the user's text and what it resolved to.</summary>
/// <typeparam name="T">The resolution type.</typeparam>
public class ModelResult<T>
{
    /// <summary>Start index of the matched text in the utterance.</summary>
    public int Start { get; set; }

    /// <summary>End index (inclusive) of the matched text in the utterance.</summary>
    public int End { get; set; }

    /// <summary>What kind of match this is: "value", "ordinal", "number" or "fuzzy".</summary>
    public string TypeName { get; set; } = string.Empty;

    /// <summary>The matched text.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>What the text resolved to.</summary>
    public T Resolution { get; set; } = default!;
}
