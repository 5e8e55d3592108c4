namespace AuthorBot.Dialogs.Content;

/// <summary>A question the author answers once for every reader who asks it.</summary>
/// <param name="Id">A stable id; the intent is "faq:" and the id.</param>
/// <param name="Question">The question as a button says it ("Can I get a signed copy?").</param>
/// <param name="Answer">The answer, as the bot says it.</param>
/// <param name="Examples">Ways readers ask it; they train the classifier.</param>
public sealed record FaqEntry(string Id, string Question, string Answer, IReadOnlyList<string> Examples)
{
    /// <summary>The intent id readers' questions are classified as.</summary>
    public string Intent => "faq:" + Id;
}
