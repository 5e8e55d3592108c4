namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>A choice recognized in an utterance.</summary>
public class FoundChoice
{
    /// <summary>The value of the recognized choice.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The index of the choice in the list offered.</summary>
    public int Index { get; set; }

    /// <summary>Confidence from 0 to 1: 1 for an exact value, lower for partial, ordinal or misspelled matches.</summary>
    public double Score { get; set; }

    /// <summary>The value or synonym that matched, when a text match found it.</summary>
    public string? Synonym { get; set; }
}
