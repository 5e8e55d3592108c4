namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>inputHint</c> (the swagger spelling, which is what SDK channels compare against).</summary>
public static class InputHints
{
    /// <summary>"acceptingInput".</summary>
    public const string AcceptingInput = "acceptingInput";

    /// <summary>"ignoringInput".</summary>
    public const string IgnoringInput = "ignoringInput";

    /// <summary>"expectingInput".</summary>
    public const string ExpectingInput = "expectingInput";
}
