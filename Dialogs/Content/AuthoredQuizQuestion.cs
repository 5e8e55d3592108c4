namespace AuthorBot.Dialogs.Content;

/// <summary>A quiz question the author wrote in author.json's "quiz".</summary>
/// <param name="Id">A stable id (lower-case letters, digits and hyphens); announcements name it.</param>
/// <param name="Question">The question.</param>
/// <param name="Choices">The choices in the author's order (2 to 4).</param>
/// <param name="AnswerIndex">The index of the right choice.</param>
public sealed record AuthoredQuizQuestion(string Id, string Question, IReadOnlyList<string> Choices, int AnswerIndex);
