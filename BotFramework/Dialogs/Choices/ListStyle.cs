namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>Don't show the choices; the prompt text says what to answer.</summary>
    None,

    /// <summary>Pick the best style for the channel (see <see cref="ChoiceFactory.ForChannel(string, IList{Choice}, string, string, ChoiceFactoryOptions)"/>).</summary>
    Auto,

    /// <summary>One line: "Pick one: (1) Red, (2) Green, or (3) Blue".</summary>
    Inline,

    /// <summary>A numbered list, one choice per line.</summary>
    List,

    /// <summary>Suggested-action buttons that disappear after a tap.</summary>
    SuggestedAction,

    /// <summary>A hero card with one button per choice.</summary>
    HeroCard,

    /// <summary>An Adaptive Card with one Action.Submit button per choice (the choice comes back in the value).</summary>
    AdaptiveCard,
}
