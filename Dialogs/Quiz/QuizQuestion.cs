namespace AuthorBot.Dialogs.Quiz;

/// <summary>One multiple-choice question of the reader quiz.</summary>
/// <param name="Id">A stable id: the author's own for their questions, derived from the book for the others.</param>
/// <param name="Text">The question.</param>
/// <param name="Choices">The choices in the order shown (lettered A, B, C, D).</param>
/// <param name="AnswerIndex">The index of the right choice.</param>
public sealed record QuizQuestion(string Id, string Text, IReadOnlyList<string> Choices, int AnswerIndex)
{
    /// <summary>The right choice's text.</summary>
    public string Answer => Choices[AnswerIndex];

    /// <summary>The letter of a choice: A for the first.</summary>
    /// <param name="index">The choice's index.</param>
    /// <returns>The letter.</returns>
    public static char Letter(int index) => (char)('A' + index);
}
