namespace AuthorBot.Bot.Announcements;

/// <summary>One reader-quiz question as <c>GET /api/quiz/questions</c> lists it, for choosing a question of the week.</summary>
/// <param name="Id">What <c>quizQuestionId</c> names.</param>
/// <param name="Question">The question.</param>
/// <param name="Choices">The choices, lettered A, B, C, D in this order.</param>
/// <param name="Answer">The right choice.</param>
internal sealed record QuizQuestionListing(string Id, string Question, IReadOnlyList<string> Choices, string Answer);
