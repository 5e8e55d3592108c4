namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>Switches for <see cref="ChoiceRecognizers.RecognizeChoices"/>.</summary>
public class FindChoicesOptions
{
    /// <summary>Ignore the choice values and match synonyms only.</summary>
    public bool NoValue { get; set; }

    /// <summary>Ignore the titles of choices' button actions.</summary>
    public bool NoAction { get; set; }

    /// <summary>Accept a choice when only some of its words were said ("the newsletter" for "Join the newsletter"). Default true.</summary>
    public bool AllowPartialMatches { get; set; } = true;

    /// <summary>Accept "2" or "number 2" to pick the second choice. Default true.</summary>
    public bool RecognizeNumbers { get; set; } = true;

    /// <summary>Accept "the second one", "2nd" or "last". Default true.</summary>
    public bool RecognizeOrdinals { get; set; } = true;

    /// <summary>
    /// The largest edit distance, relative to the word's length, still taken as a misspelling of a choice
    /// ("newsleter" is 1 edit from the 10-letter "newsletter": 0.1). 0 turns fuzzy matching off. Default 0.25.
    /// </summary>
    public double MaxEditDistanceRatio { get; set; } = 0.25;
}
