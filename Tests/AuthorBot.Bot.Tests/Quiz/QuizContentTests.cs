using System.Text;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Quiz;

namespace AuthorBot.Bot.Tests.Quiz;

/// <summary>The quiz's part of author.json (questions, characters, settings) and the question bank built from it.</summary>
public sealed class QuizContentTests
{
    // Line numbers matter: keep the layout of this document as it is.
    private const string WithQuiz = """
        {
          "author": { "name": "Test Author" },
          "books": [
            {
              "id": "first",
              "title": "First Light",
              "blurb": "A First Light story about a ferry.",
              "publishedOn": "2020-01-02",
              "setting": "a ferry on the Forth",
              "characters": [ { "name": "Ada Quill", "role": "ferry pilot" } ]
            },
            {
              "id": "second",
              "title": "Second Tide",
              "blurb": "A tide that turns twice.",
              "publishedOn": "2022-05-06",
              "setting": "a tidal island",
              "characters": [ { "name": "Ben Roe", "role": "harbour master" } ]
            }
          ],
          "events": [],
          "quiz": [
            { "id": "ferry-colour", "question": "What colour is the ferry?", "choices": ["Red", "Blue", "Green"], "answer": "Blue" },
            { "id": "bad-answer", "question": "Which?", "choices": ["One", "Two"], "answer": "Three" },
            { "id": "too-few", "question": "Only one?", "choices": ["One"], "answer": "One" }
          ]
        }
        """;

    [Fact]
    public void Quiz_questions_with_an_answer_outside_their_choices_or_too_few_choices_are_named_with_their_lines()
    {
        var error = Assert.Throws<AuthorContentException>(() => AuthorContentLoader.Parse(Encoding.UTF8.GetBytes(WithQuiz), "author.json"));
        Assert.Contains("author.json line 24: quiz[1].answer \"Three\" is not one of the choices", error.Message, StringComparison.Ordinal);
        Assert.Contains("author.json line 25: quiz[2].choices needs 2 to 4 choices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bank_holds_the_authors_questions_as_written_and_questions_made_from_the_books()
    {
        var json = WithQuiz.Replace(
            """
            ,
                { "id": "bad-answer", "question": "Which?", "choices": ["One", "Two"], "answer": "Three" },
                { "id": "too-few", "question": "Only one?", "choices": ["One"], "answer": "One" }
            """,
            string.Empty,
            StringComparison.Ordinal);
        var content = AuthorContentLoader.Parse(Encoding.UTF8.GetBytes(json), "author.json");
        Assert.Equal("a ferry on the Forth", content.Books[0].Setting);
        Assert.Equal(new BookCharacter("Ben Roe", "harbour master"), Assert.Single(content.Books[1].Characters));

        var bank = new QuizBank(content);
        var authored = bank.Find("ferry-colour")!;
        Assert.Equal(["Red", "Blue", "Green"], authored.Choices);
        Assert.Equal("Blue", authored.Answer);
        Assert.Equal("Ada Quill", bank.Find("character-name-first-ada-quill")!.Answer);
        Assert.Equal("First Light", bank.Find("character-book-first-ada-quill")!.Answer);
        Assert.Equal("a tidal island", bank.Find("setting-second")!.Answer);
        Assert.Equal("First Light", bank.Find("published-first")!.Answer);
        Assert.DoesNotContain("First Light", bank.Find("blurb-first")!.Text, StringComparison.Ordinal);

        // Rounds are drawn by seed: the same reader's round is the same in another process, other readers' differ.
        var again = new QuizBank(content);
        Assert.Equal(bank.Round("emulator/ada/0").Select(q => q.Id), again.Round("emulator/ada/0").Select(q => q.Id));
        Assert.Equal(QuizBank.RoundLength, bank.Round("emulator/ada/0").Count);
        Assert.Contains(Enumerable.Range(0, 20), i => !bank.Round($"emulator/r{i}/0").Select(q => q.Id).SequenceEqual(bank.Round("emulator/ada/0").Select(q => q.Id)));
    }

    [Fact]
    public void The_shipped_quiz_has_sound_questions_of_every_kind()
    {
        var bank = new QuizBank(AuthorContentLoader.Load(ContentServiceCollectionExtensions.ResolvePath(null)));
        Assert.All(bank.Questions, q =>
        {
            Assert.InRange(q.Choices.Count, 2, AuthorContentLoader.MaxQuizChoices);
            Assert.InRange(q.AnswerIndex, 0, q.Choices.Count - 1);
            Assert.Equal(q.Choices.Count, q.Choices.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        });
        foreach (var kind in new[] { "orchard-fruit", "character-book-", "character-name-", "setting-", "series-", "published-first", "narrator-", "blurb-", "event-" })
        {
            Assert.Contains(bank.Questions, q => q.Id.StartsWith(kind, StringComparison.Ordinal));
        }
    }
}
