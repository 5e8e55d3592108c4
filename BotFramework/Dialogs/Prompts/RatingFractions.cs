namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>What <see cref="RatingPrompt"/> does with a rating between whole stars ("4.5", "3 and a half stars", "7/10" on five stars).</summary>
public enum RatingFractions
{
    /// <summary>Round to the nearest whole star, halves up: 4.5 gives 5, 4.4 gives 4.</summary>
    Round,

    /// <summary>Ask again for a whole number of stars.</summary>
    Reject,
}
