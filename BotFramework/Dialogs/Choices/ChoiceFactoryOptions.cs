namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>Wording used when choices are rendered as text.</summary>
public class ChoiceFactoryOptions
{
    /// <summary>Between inline choices. Default ", ".</summary>
    public string InlineSeparator { get; set; } = ", ";

    /// <summary>Between two inline choices. Default " or ".</summary>
    public string InlineOr { get; set; } = " or ";

    /// <summary>Before the last of three or more inline choices. Default ", or ".</summary>
    public string InlineOrMore { get; set; } = ", or ";

    /// <summary>Whether text renderings number the choices. Default true.</summary>
    public bool IncludeNumbers { get; set; } = true;
}
